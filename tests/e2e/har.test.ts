/**
 * HAR recordings end to end: a run leaves reports/exchanges.har (REST exchanges and WebSockets in
 * Chrome's `_webSocketMessages` form) that the project's reader reads back; the proxy records a
 * session with `--har FILE`; `diff --har FILE` replays such a recording against a fresh emulator:
 * a session recorded from a clean emulator shows no drift, one recorded from an emulator with a
 * fault switch on shows exactly that drift, named.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { loadSpec } from '../../src/contract/index.js';
import { runScenario } from '../../src/drift/index.js';
import { readHar } from '../../src/report/har/index.js';
import { ROOT, cli, removeScratch, scratch } from './helpers.js';

const dir = scratch('har');
let clean: RunningEmulator;
let faulty: RunningEmulator;

before(async () => {
  clean = await startEmulator({ port: 0, host: '127.0.0.1', memory: true });
  faulty = await startEmulator({ port: 0, host: '127.0.0.1', memory: true, faults: ['asset-id-number'] });
});
after(async () => {
  await clean?.close();
  await faulty?.close();
  removeScratch();
});

/** Records the drift scenario (REST and a streamed question) through `proxy --har FILE` in front of target. */
async function record(target: string, har: string): Promise<string> {
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
      '--har',
      har,
      '--reports-dir',
      join(dir, 'proxy'),
      '--quiet',
    ],
    { cwd: ROOT, env: { ...clean, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => {
    out += c;
  });
  child.stderr.setEncoding('utf8').on('data', (c: string) => {
    out += c;
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const deadline = Date.now() + 30_000;
  while (!/proxy listening on (http:\/\/\S+)/.test(out) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  const url = /proxy listening on (http:\/\/\S+)/.exec(out)?.[1];
  assert.ok(url, `the proxy did not start: ${out}`);
  const spec = await loadSpec(join(ROOT, 'spec', 'pieces-os.openapi.yaml'));
  await runScenario(url, { spec, streamIdleMs: 2000 });
  child.kill('SIGTERM');
  await exited;
  assert.match(out, / · HAR: /, out);
  return out;
}

test('the proxy records a session as HAR 1.2 that the reader reads back, WebSocket messages included', async () => {
  const har = join(dir, 'clean.har');
  await record(clean.url.replace(/\/+$/, ''), har);
  const { har: doc, items } = readHar(har);
  assert.equal(doc.log.version, '1.2');
  const rest = items.filter((i) => i.kind === 'rest');
  assert.ok(rest.length >= 15, `${rest.length} REST entries`);
  assert.ok(rest.some((i) => i.kind === 'rest' && i.exchange.operationId === 'createAsset'));
  const ws = items.find((i) => i.kind === 'websocket');
  assert.ok(ws && ws.kind === 'websocket', 'a WebSocket entry');
  assert.equal(ws.entry._resourceType, 'websocket');
  assert.match(ws.entry.request.url, /^ws:\/\/.*\/qgpt\/stream$/);
  const kinds = new Set(ws.entry._webSocketMessages?.map((m) => m.type));
  assert.deepEqual([...kinds].sort(), ['receive', 'send']);
  assert.match(ws.entry._webSocketMessages?.at(-1)?.data ?? '', /"COMPLETED"/);
});

test('diff --har: a session recorded from the emulator replays on a fresh one without drift', async () => {
  const reports = join(dir, 'diff-clean');
  const r = await cli(['diff', '--har', join(dir, 'clean.har'), '--reports-dir', reports]);
  assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /no drift: \d+ requests and 1 WebSockets replayed \([1-9]\d* ids mapped\)/);
  assert.match(
    readFileSync(join(reports, 'drift.md'), 'utf8'),
    /^# Drift between the emulator and a recorded session: ✅ no drift/m,
  );
});

test('diff --har: a recording from an emulator with a fault switch shows that drift, named', async () => {
  const har = join(dir, 'faulty.har');
  await record(faulty.url.replace(/\/+$/, ''), har);
  const reports = join(dir, 'diff-faulty');
  const r = await cli(['diff', '--har', har, '--reports-dir', reports]);
  assert.equal(r.code, 1, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /createAsset \(#\d+ POST \/assets\/create\): body id: emulator string \/ recorded number/);
  const md = readFileSync(join(reports, 'drift.md'), 'utf8');
  assert.match(md, /\| createAsset \| #\d+ POST \/assets\/create \| body id \| string \| number \|/);
  const json = JSON.parse(readFileSync(join(reports, 'drift.json'), 'utf8'));
  assert.equal(json.drift, true);
});

test('diff --har with a file that is not HAR is a usage error naming it', async () => {
  const r = await cli(['diff', '--har', join(ROOT, 'package.json')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /package\.json: not HAR 1\.2: /);
});

test('every run writes reports/exchanges.har, which the reader reads back', async () => {
  const reports = join(dir, 'run');
  const r = await cli([
    'run',
    '--suite',
    'contract,stream',
    '--grep',
    'lives, is renamed|question only',
    '--no-html',
    '--reports-dir',
    reports,
  ]);
  assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /HAR: .*exchanges\.har/);
  const { items } = readHar(join(reports, 'exchanges.har'));
  const ops = new Set(items.map((i) => (i.kind === 'rest' ? i.exchange.operationId : i.socket.operationId)));
  for (const op of ['createAsset', 'getAsset', 'deleteAsset', 'qgptStream']) assert.ok(ops.has(op), `${op} recorded`);
  const ws = items.find((i) => i.kind === 'websocket');
  assert.ok(ws?.entry._webSocketMessages?.some((m) => m.type === 'send'));
});
