/**
 * What the benches share: the package's bins run as their own processes (as users run them), and
 * autocannon with the parts of its result the benches read.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Histogram {
  average: number;
  p50: number;
  p99: number;
}
/** What the benches read of an autocannon run. */
export interface AutocannonResult {
  requests: Histogram;
  throughput: Histogram;
  latency: Histogram;
  errors: number;
  non2xx: number;
}
export const autocannon = createRequire(import.meta.url)('autocannon') as (
  opts: Record<string, unknown>,
) => Promise<AutocannonResult>;

/** A bin running in its own process, at the URL it printed. */
export interface RunningBin {
  child: ChildProcess;
  url: string;
  /** Ends it (SIGTERM) and resolves once it exited. */
  close(): Promise<void>;
}

/** Ends a child process (SIGTERM); resolves once it exited. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/**
 * Runs `bin/<bin>.mjs` with `args` (from the root, no colour); resolves once its output names the URL
 * `listening` captures, and rejects with that output when it exits first.
 */
export function startBin(
  bin: 'pieces-os-emulator' | 'pieces-conformance',
  args: string[],
  listening = /listening on (http:\/\/\S+)/,
): Promise<RunningBin> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', `${bin}.mjs`), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = listening.exec(out);
      if (!m) return;
      child.stdout!.removeAllListeners('data');
      child.stdout!.resume();
      resolve({ child, url: m[1]!, close: () => stop(child) });
    });
    child.once('exit', (code) => reject(new Error(`${bin} exited with ${code} before listening: ${out}`)));
  });
}
