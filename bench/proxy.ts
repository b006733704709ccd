/**
 * `npm run bench:proxy`: what the validation proxy costs. The emulator and the proxy run as their
 * own processes (as users run them: `pieces-os-emulator`, `pieces-conformance proxy`); the load
 * comes from this process. For `GET /asset/{asset}` and `GET /models`, directly and through the
 * proxy:
 * - latency: one keep-alive connection, requests one after another, timed in this process with
 *   performance.now() (p50, p99, and the p50 the proxy adds);
 * - throughput: autocannon, 10 connections, a few seconds after a warm-up (req/s, and its p50/p99
 *   under that load).
 * Every exchange through the proxy is judged (exchange checks, coverage); the judging runs after
 * the response has been passed on, so it shows in throughput more than in latency.
 */
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AutocannonResult, autocannon, startBin, stop } from './processes.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const SEQUENTIAL = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONNECTIONS = 10;

/** p-th percentile of sorted numbers. */
function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Sequential requests on one keep-alive connection: latency percentiles in ms. */
async function sequential(url: string, n: number): Promise<{ p50: number; p99: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const t0 = performance.now();
      http
        .get(url, { agent }, (res) => {
          res.on('data', () => undefined);
          res.on('end', () =>
            res.statusCode === 200 ? resolve(performance.now() - t0) : reject(new Error(`${url}: ${res.statusCode}`)),
          );
        })
        .on('error', reject);
    });
  for (let i = 0; i < 200; i++) await once(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push(await once());
  agent.destroy();
  times.sort((a, b) => a - b);
  return { p50: pct(times, 50), p99: pct(times, 99) };
}

async function throughput(url: string): Promise<AutocannonResult> {
  await autocannon({ url, connections: CONNECTIONS, duration: 1 });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  if (r.errors || r.non2xx) throw new Error(`${url}: ${r.errors} errors, ${r.non2xx} non-2xx answers`);
  return r;
}

const ms = (v: number) => `${v.toFixed(3)} ms`;

async function main(): Promise<void> {
  const reports = mkdtempSync(join(tmpdir(), 'pc-bench-proxy-'));
  const emu = await startBin('pieces-os-emulator', ['--port', '0', '--memory']);
  const proxy = await startBin(
    'pieces-conformance',
    ['proxy', '--target', emu.url, '--port', '0', '--quiet', '--reports-dir', reports],
    /proxy listening on (http:\/\/\S+)/,
  );
  try {
    const seed = {
      type: 'SEEDED_ASSET',
      asset: {
        application: {
          id: 'bench',
          name: 'OPEN_SOURCE',
          version: '1.0.0',
          platform: 'LINUX',
          onboarded: true,
          privacy: 'OPEN',
        },
        format: {
          fragment: {
            string: { raw: 'export const add = (a: number, b: number) => a + b;\n' },
            metadata: { ext: 'ts' },
          },
        },
        metadata: { name: 'bench asset' },
      },
    };
    const created = (await (
      await fetch(`${emu.url}/assets/create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(seed),
      })
    ).json()) as { id: string };
    const paths: Array<[string, string]> = [
      ['GET /asset/{asset}', `/asset/${created.id}`],
      ['GET /models', '/models'],
    ];
    console.log(
      `bench:proxy — node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log(
      `emulator ${emu.url}, proxy ${proxy.url} (every exchange judged); latency: ${SEQUENTIAL} sequential requests on one connection; throughput: autocannon ${CONNECTIONS} connections × ${SECONDS} s\n`,
    );
    const rows: string[][] = [['endpoint', 'path', 'p50', 'p99', 'req/s', 'p50 @10c', 'p99 @10c']];
    const summary: string[] = [];
    for (const [name, path] of paths) {
      const direct = {
        seq: await sequential(`${emu.url}${path}`, SEQUENTIAL),
        load: await throughput(`${emu.url}${path}`),
      };
      const proxied = {
        seq: await sequential(`${proxy.url}${path}`, SEQUENTIAL),
        load: await throughput(`${proxy.url}${path}`),
      };
      for (const [label, r] of [
        ['direct', direct],
        ['through the proxy', proxied],
      ] as const) {
        rows.push([
          name,
          label,
          ms(r.seq.p50),
          ms(r.seq.p99),
          Math.round(r.load.requests.average).toLocaleString('en'),
          `${r.load.latency.p50} ms`,
          `${r.load.latency.p99} ms`,
        ]);
      }
      summary.push(
        `${name}: the proxy adds ${ms(proxied.seq.p50 - direct.seq.p50)} at p50 (${ms(direct.seq.p50)} → ${ms(proxied.seq.p50)}), ${ms(proxied.seq.p99 - direct.seq.p99)} at p99; throughput ${Math.round((proxied.load.requests.average / direct.load.requests.average) * 100)} % of direct`,
      );
    }
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    for (const r of rows)
      console.log(r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
    console.log('');
    for (const s of summary) console.log(s);
  } finally {
    await stop(proxy.child);
    await stop(emu.child);
    rmSync(reports, { recursive: true, force: true });
  }
}

await main();
