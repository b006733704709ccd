/**
 * The validation proxy end to end (`pieces-conformance proxy`, the real bin): the official SDK
 * (@pieces.app/pieces-os-client, `new Configuration({ basePath: proxyUrl })`) and a `ws` client
 * drive traffic through it to the emulator. Bodies and streamed answers are the same with and
 * without the proxy; a clean emulator gives no failure and exit 0; an emulator with a schema fault
 * and a stream fault gives exactly those failures, by check and operation, and exit 1. Reports
 * come on SIGUSR2 and on SIGTERM.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Pieces from '@pieces.app/pieces-os-client';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { ROOT, removeScratch, scratch } from './helpers.js';

after(removeScratch);

/** A proxy started from the bin, its output collected. */
interface ProxyProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(signal: NodeJS.Signals): Promise<number | null>;
}

async function startProxyBin(target: string, reportsDir: string): Promise<ProxyProcess> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PIECES_')));
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'bin', 'pieces-conformance.mjs'),
      'proxy',
      '--target',
      target,
      '--port',
      '0',
      '--reports-dir',
      reportsDir,
      '--stream-idle-ms',
      '1500',
    ],
    { cwd: ROOT, env: { ...clean, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => {
    out += c;
  });
  child.stderr!.setEncoding('utf8').on('data', (c: string) => {
    out += c;
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const t = setInterval(() => {
      const m = /proxy listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearInterval(t);
        resolve(m[1]);
      }
    }, 20);
    void exited.then((code) => {
      clearInterval(t);
      reject(new Error(`proxy exited ${code}: ${out}`));
    });
  });
  return {
    url,
    child,
    output: () => out,
    stop: async (signal) => {
      child.kill(signal);
      return exited;
    },
  };
}

/** Waits until the output holds a match of re (the proxy answers SIGUSR2 with a line). */
async function waitFor(p: ProxyProcess, re: RegExp, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!re.test(p.output()) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  assert.match(p.output(), re);
}

/** One streamed question: the (status, chunk) pairs of its frames. */
function ask(base: string, id: string): Promise<Array<[string, string]>> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/qgpt/stream`);
    const frames: Array<[string, string]> = [];
    let idle: NodeJS.Timeout | undefined;
    const done = () => {
      clearTimeout(idle);
      ws.close();
      resolve(frames);
    };
    ws.on('open', () =>
      ws.send(
        JSON.stringify({
          request: id,
          question: { query: 'How do I reverse a list in Python?', relevant: { iterable: [] } },
        }),
      ),
    );
    ws.on('message', (d) => {
      const v = JSON.parse(d.toString());
      frames.push([v.status, v.question?.answers?.iterable?.[0]?.text ?? '']);
      clearTimeout(idle);
      // A client that waits for the end (the proxy judges silence after 1.5 s first).
      idle = setTimeout(done, 2500);
      if (v.status === 'COMPLETED') setTimeout(done, 300); // stay a little: frames after the end are the grammar's business
    });
    ws.on('error', reject);
  });
}

/** Watches a download's progress socket until it ends. */
function watchProgress(base: string, model: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/model/${encodeURIComponent(model)}/download/progress`);
    const statuses: string[] = [];
    ws.on('message', (d) => {
      const v = JSON.parse(d.toString());
      statuses.push(v.status);
      if (['COMPLETED', 'FAILED', 'CANCELED'].includes(v.status)) {
        ws.close();
      }
    });
    ws.on('close', () => resolve(statuses));
    ws.on('error', reject);
  });
}

/** SDK traffic through `base`; answers the raw bodies of the reads for comparison. */
async function sdkSession(base: string): Promise<Record<string, string>> {
  const cfg = new Pieces.Configuration({ basePath: base });
  assert.equal(await new Pieces.WellKnownApi(cfg).getWellKnownHealth(), 'ok');
  const ctx = await new Pieces.ConnectorApi(cfg).connect({
    seededConnectorConnection: {
      application: {
        name: Pieces.ApplicationNameEnum.OpenSource,
        platform: Pieces.PlatformEnum.Linux,
        version: 'pieces-conformance:proxy-e2e',
      },
    },
  });
  const created = await new Pieces.AssetsApi(cfg).assetsCreateNewAsset({
    seed: {
      type: Pieces.SeedTypeEnum.SeededAsset,
      asset: {
        application: ctx.application,
        format: { fragment: { string: { raw: 'def reverse(xs):\n    return xs[::-1]\n' } } },
        metadata: { name: 'pieces-conformance:proxy' },
      },
    },
  });
  await new Pieces.AssetsApi(cfg).assetsSearchWithFilters({ assetsSearchWithFiltersInput: { query: 'reverse' } });
  await new Pieces.QGPTApi(cfg).relevance({
    qGPTRelevanceInput: {
      query: 'reverse a list',
      assets: { iterable: [{ id: created.id }] },
      options: { question: true },
    },
  });
  const raw = async (r: { raw: Response }) => r.raw.text();
  return {
    asset: await raw(await new Pieces.AssetApi(cfg).assetSnapshotRaw({ asset: created.id })),
    models: await raw(await new Pieces.ModelsApi(cfg).modelsSnapshotRaw()),
    user: await raw(await new Pieces.UserApi(cfg).userSnapshotRaw()),
    version: await new Pieces.WellKnownApi(cfg).getWellKnownVersion(),
    id: created.id,
  };
}

describe('through the proxy to a clean emulator', () => {
  let emu: RunningEmulator;
  let proxy: ProxyProcess;
  let code: number | null;
  const reports = scratch('proxy-clean');
  before(async () => {
    emu = await startEmulator({ port: 0, memory: true, streamDelayMs: 1, downloadMs: 300 });
    proxy = await startProxyBin(emu.url, reports);
  });
  after(async () => {
    if (proxy.child.exitCode === null) await proxy.stop('SIGTERM');
    await emu.close();
  });

  test('the SDK works through it; reads answer the same bytes with and without it', async () => {
    const through = await sdkSession(proxy.url);
    const cfg = new Pieces.Configuration({ basePath: emu.url });
    assert.equal(
      through.asset,
      await (await new Pieces.AssetApi(cfg).assetSnapshotRaw({ asset: through.id })).raw.text(),
    );
    assert.equal(through.models, await (await new Pieces.ModelsApi(cfg).modelsSnapshotRaw()).raw.text());
    assert.equal(through.user, await (await new Pieces.UserApi(cfg).userSnapshotRaw()).raw.text());
  });

  test('a streamed answer is the same with and without it; download progress passes through', async () => {
    const [direct, proxied] = await Promise.all([ask(emu.url, 'direct-1'), ask(proxy.url, 'proxied-1')]);
    assert.deepEqual(proxied, direct);
    assert.equal(proxied.at(-1)?.[0], 'COMPLETED');
    const model =
      JSON.parse(await (await fetch(`${emu.url}/models`)).text()).iterable.find(
        (m: any) => m.foundation && !m.cloud && !m.downloaded,
      )?.id ??
      JSON.parse(await (await fetch(`${emu.url}/models`)).text()).iterable.find((m: any) => !m.cloud && !m.downloaded)
        ?.id;
    assert.ok(model, 'a local model that is not downloaded');
    const watching = watchProgress(proxy.url, model);
    await new Promise((r) => setTimeout(r, 50));
    const dl = await fetch(`${proxy.url}/model/${encodeURIComponent(model)}/download`, { method: 'POST' });
    assert.equal(dl.status, 200);
    assert.equal((await watching).at(-1), 'COMPLETED');
  });

  test('SIGUSR2 writes the reports while it runs; SIGTERM writes them again and exits 0 with no failure', async () => {
    proxy.child.kill('SIGUSR2');
    await waitFor(proxy, /report: \d+ exchanges, \d+ frames, 0 distinct failures/);
    assert.ok(existsSync(join(reports, 'summary.md')));
    code = await proxy.stop('SIGTERM');
    assert.equal(code, 0, proxy.output());
    const md = readFileSync(join(reports, 'summary.md'), 'utf8');
    assert.match(md, /^# Pieces OS conformance: ✅ PASS/);
    assert.doesNotMatch(md, /## Failures/);
    assert.match(md, /\*\*Target kind:\*\* live traffic through the validation proxy/);
    const coverage = JSON.parse(readFileSync(join(reports, 'coverage.json'), 'utf8'));
    const seen = new Set(coverage.operations.filter((o: any) => o.exercised).map((o: any) => o.operationId));
    for (const op of [
      'connect',
      'createAsset',
      'searchAssets',
      'qgptRelevance',
      'getAsset',
      'getModelsSnapshot',
      'getUser',
      'qgptStream',
      'downloadModel',
      'modelDownloadProgress',
    ])
      assert.ok(seen.has(op), `coverage of ${op}`);
    assert.ok(readdirSync(join(reports, 'allure-results')).some((f) => f.endsWith('-result.json')));
  });
});

describe('through the proxy to an emulator with a schema fault and a stream fault', () => {
  let emu: RunningEmulator;
  let proxy: ProxyProcess;
  const reports = scratch('proxy-faults');
  before(async () => {
    emu = await startEmulator({
      port: 0,
      memory: true,
      streamDelayMs: 1,
      faults: ['user-wrong-type', 'stream-frames-after-terminal'],
    });
    proxy = await startProxyBin(emu.url, reports);
  });
  after(async () => {
    if (proxy.child.exitCode === null) await proxy.stop('SIGTERM');
    await emu.close();
  });

  test('the failures are reported by check and operation, with the cURL that reproduces them; exit 1', async () => {
    await sdkSession(proxy.url);
    await ask(proxy.url, 'r-fault');
    await new Promise((r) => setTimeout(r, 500));
    const code = await proxy.stop('SIGTERM');
    assert.equal(code, 1, proxy.output());
    assert.match(proxy.output(), /✗ \[response_schema_conformance\] getUser: Response violates schema\./);
    const md = readFileSync(join(reports, 'summary.md'), 'utf8');
    assert.match(md, /^# Pieces OS conformance: ❌ FAIL/);
    assert.match(
      md,
      /### `response_schema_conformance`: Response violates schema\n\n- \*\*getUser\*\*: .*aesthetics.*font.*size/,
    );
    assert.match(
      md,
      /### `stream_grammar`: .*\n\n- \*\*qgptStream\*\*: request r-fault: frame after terminal COMPLETED/,
    );
    assert.match(md, /curl -sS -i http:\/\/127\.0\.0\.1:\d+\/user/);
    const json = JSON.parse(readFileSync(join(reports, 'proxy.json'), 'utf8'));
    assert.deepEqual([...new Set(json.failures.map((f: any) => `${f.check} ${f.operation}`))].sort(), [
      'response_schema_conformance getUser',
      'stream_grammar qgptStream',
    ]);
  });
});
