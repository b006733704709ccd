/**
 * `npm run bench:emulator`: autocannon against the emulator (a separate process, as users run it)
 * and against a Prism mock of the same contract, in one run, with the ratios.
 * - GET /asset/{asset} and GET /assets on an emulator holding 100 assets;
 * - GET /models;
 * - POST /assets/search on an emulator holding 10,000 assets (single-word queries, each matching
 *   about 20 assets, cycled over 100 queries; full assets in the answer).
 * Targets (issue 3): single-object reads >= 10x Prism's req/s; GET /assets (100 assets) >= 1,000
 * req/s; search p99 <= 10 ms. Each measurement runs a few seconds after a short warm-up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { nowAfter } from '../emulator/shapes/common.js';
import { recordFromSeed } from '../emulator/shapes/seed.js';
import { Store } from '../emulator/store/index.js';
import { type AutocannonResult, autocannon, ROOT, startBin, stop } from './processes.js';

interface Request {
  method?: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
}
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = 10;
const APP = {
  id: '0b0b0b0b-0000-4000-8000-000000000001',
  name: 'OPEN_SOURCE',
  version: '1.0.0',
  platform: 'LINUX',
  onboarded: true,
  privacy: 'OPEN',
};

/** A deterministic PRNG (mulberry32) so that every run searches the same corpus. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'zu', 're', 'ti', 'no', 'va', 'xe', 'qu', 'bo', 'fi', 'gra', 'pel', 'dor', 'sin'];
/** The vocabulary: 15,000 made-up words, so that one word lands in about 20 of 10,000 assets. */
const VOCAB = Array.from({ length: 15000 }, (_, i) => {
  let w = '';
  for (let n = i + 1; n > 0; n = Math.floor(n / SYLLABLES.length)) w += SYLLABLES[n % SYLLABLES.length];
  return `${w}x`;
});

/** Writes `count` code-like assets straight into a data directory (faster than 10,000 POSTs). */
function populate(dir: string, count: number): void {
  const store = new Store(dir);
  const random = rng(42);
  store.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const words = Array.from({ length: 30 }, () => VOCAB[Math.floor(random() * VOCAB.length)]);
      const raw = `// snippet ${i}\nfunction ${words[0]}(${words[1]}) {\n  return ${words.slice(2, 6).join(' + ')};\n}\n/* ${words.slice(6).join(' ')} */`;
      const seed = {
        type: 'SEEDED_ASSET',
        asset: {
          application: APP,
          format: { fragment: { string: { raw }, metadata: { ext: 'js' } } },
          metadata: { name: `Snippet ${i} ${words[0]}` },
        },
      };
      store.assets.insert(recordFromSeed(seed, store.userId, nowAfter()));
    }
  })();
  store.close();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Starts a Prism mock of the contract (its logs to /dev/null); resolves once it answers. */
async function startPrism(): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(
    join(ROOT, 'node_modules/.bin/prism'),
    ['mock', '-h', '127.0.0.1', '-p', String(port), join(ROOT, 'spec/pieces-os.openapi.yaml')],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    try {
      await fetch(`${url}/.well-known/health`);
      return { child, url };
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  child.kill();
  throw new Error('Prism did not start within 60 s');
}

/** One measurement (after a one-second warm-up). */
async function measure(url: string, requests: Request[], connections = CONNECTIONS): Promise<AutocannonResult> {
  const opts = { url, connections, requests: requests.map((r) => ({ method: 'GET', ...r })) };
  await autocannon({ ...opts, duration: 1 });
  return autocannon({ ...opts, duration: SECONDS });
}

interface Row {
  name: string;
  emulator: AutocannonResult;
  prism: AutocannonResult;
}

function fmt(r: AutocannonResult) {
  return {
    rps: r.requests.average.toFixed(0).padStart(7),
    mbs: (r.throughput.average / 1e6).toFixed(2).padStart(7),
    p50: `${r.latency.p50}`.padStart(4),
    p99: `${r.latency.p99}`.padStart(4),
  };
}

function report(rows: Row[]): boolean {
  const line = '-'.repeat(104);
  console.log(
    `\n${'endpoint'.padEnd(30)} | ${'emulator req/s    MB/s p50 p99'} | ${'prism    req/s    MB/s p50 p99'} | ratio`,
  );
  console.log(line);
  for (const { name, emulator, prism } of rows) {
    const e = fmt(emulator);
    const p = fmt(prism);
    const ratio = (emulator.requests.average / Math.max(prism.requests.average, 1e-9)).toFixed(1);
    console.log(
      `${name.padEnd(30)} |  ${e.rps} ${e.mbs} ${e.p50} ${e.p99}ms |  ${p.rps} ${p.mbs} ${p.p50} ${p.p99}ms | ${ratio.padStart(5)}x`,
    );
    const bad = emulator.errors + emulator.non2xx;
    if (bad) console.log(`  ! emulator answered ${emulator.non2xx} non-2xx and ${emulator.errors} errors on ${name}`);
  }
  console.log(line);
  const [asset, , snapshot, search, searchOne] = rows;
  const targets: Array<[string, boolean]> = [
    [
      `single-object read >= 10x Prism (GET /asset/{asset}: ${(asset.emulator.requests.average / asset.prism.requests.average).toFixed(1)}x)`,
      asset.emulator.requests.average >= 10 * asset.prism.requests.average,
    ],
    [
      `GET /assets (100 assets) >= 1,000 req/s (${snapshot.emulator.requests.average.toFixed(0)})`,
      snapshot.emulator.requests.average >= 1000,
    ],
    [
      `search over 10,000 assets p99 <= 10 ms at ${CONNECTIONS} connections (${search.emulator.latency.p99} ms; ` +
        `${searchOne.emulator.latency.p99} ms at 1 connection)`,
      search.emulator.latency.p99 <= 10,
    ],
  ];
  for (const [label, ok] of targets) console.log(`${ok ? 'PASS' : 'FAIL'}  ${label}`);
  console.log(
    `(autocannon: ${CONNECTIONS} connections unless noted, ${SECONDS} s per measurement after a 1 s warm-up; ` +
      `load generator and servers share this machine: ${cpus().length} cores, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')})`,
  );
  return targets.every(([, ok]) => ok);
}

async function main(): Promise<void> {
  const started = Date.now();
  const small = mkdtempSync(join(tmpdir(), 'pieces-bench-100-'));
  const large = mkdtempSync(join(tmpdir(), 'pieces-bench-10k-'));
  const children: ChildProcess[] = [];
  try {
    populate(small, 100);
    populate(large, 10_000);
    console.log(
      `corpora written in ${((Date.now() - started) / 1000).toFixed(1)} s; starting Prism and the emulators ` +
        `(load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')})`,
    );
    const prism = await startPrism();
    children.push(prism.child);
    const emu = await startBin('pieces-os-emulator', ['--port', '0', '--data', small]);
    children.push(emu.child);
    const assets = (await (await fetch(`${emu.url}/assets?transferables=false`)).json()) as {
      iterable: Array<{ id: string }>;
    };
    const id = assets.iterable[50].id;
    const searchRequests = Array.from({ length: 100 }, (_, i) => ({
      method: 'POST',
      path: '/assets/search',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: VOCAB[(i * 149) % VOCAB.length] }),
    }));
    const plan: Array<[string, Request[]]> = [
      ['GET /asset/{asset}', [{ path: `/asset/${id}` }]],
      ['GET /models', [{ path: '/models' }]],
      ['GET /assets (100 assets)', [{ path: '/assets' }]],
    ];
    const rows: Row[] = [];
    for (const [name, requests] of plan) {
      const emulator = await measure(emu.url, requests);
      const prismResult = await measure(prism.url, requests);
      rows.push({ name, emulator, prism: prismResult });
    }
    await stop(emu.child);
    const big = await startBin('pieces-os-emulator', ['--port', '0', '--data', large]);
    children.push(big.child);
    const check = (await (
      await fetch(`${big.url}/assets/search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: searchRequests[0].body,
      })
    ).json()) as { iterable: unknown[] };
    console.log(`search corpus: 10,000 assets; a sample query matches ${check.iterable.length}`);
    rows.push({
      name: 'POST /assets/search (10,000)',
      emulator: await measure(big.url, searchRequests),
      prism: await measure(prism.url, searchRequests),
    });
    // Latency without queueing: one connection, one request at a time.
    rows.push({
      name: '  same, 1 connection',
      emulator: await measure(big.url, searchRequests, 1),
      prism: await measure(prism.url, searchRequests, 1),
    });
    const ok = report(rows);
    console.log(`bench finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    for (const c of children) await stop(c);
    rmSync(small, { recursive: true, force: true });
    rmSync(large, { recursive: true, force: true });
  }
}

await main();
