/**
 * `npm run bench:realistic`: the whole run (every suite) against the embedded emulator's realistic
 * profile — local-LLM latency, an index that lags writes, answers that vary, downloads that take
 * seconds — as `pieces-conformance run --profile realistic` runs it. Prints the wall time and the
 * counts (passed, failed, skipped, flaky) and the exit status; nothing is asserted (the profile's
 * behaviours are unit-tested, tests/unit/emulator/profile.test.ts). Extra arguments go to `run`
 * (e.g. `npm run bench:realistic -- --suite contract`). Reports go to reports/bench-realistic/.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REPORTS = join('reports', 'bench-realistic');

/** Playwright's JSON report's totals. */
interface Stats {
  expected: number;
  unexpected: number;
  skipped: number;
  flaky: number;
  duration: number;
}

function run(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, PIECES_BASE_URL: '', PIECES_EMULATOR_PROFILE: '' },
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

function readStats(): Stats | undefined {
  const file = join(ROOT, REPORTS, 'results.json');
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, 'utf8')) as { stats: Stats }).stats;
}

const t0 = performance.now();
const status = await run([
  'run',
  '--profile',
  'realistic',
  '--no-html',
  '--reports-dir',
  REPORTS,
  ...process.argv.slice(2),
]);
const wallS = (performance.now() - t0) / 1000;
const stats = readStats();
const load = loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
console.log('');
console.log(
  `bench:realistic — the whole run against the emulator's realistic profile (${cpus().length} cores, load ${load})`,
);
console.log(
  `  wall time      ${wallS.toFixed(1)} s (Playwright: ${stats ? (stats.duration / 1000).toFixed(1) : '?'} s)`,
);
if (stats)
  console.log(
    `  tests          ${stats.expected} passed, ${stats.unexpected} failed, ${stats.skipped} skipped, ${stats.flaky} flaky`,
  );
else console.log(`  tests          no results (${join(REPORTS, 'results.json')} missing)`);
console.log(`  exit status    ${status}`);
console.log(`  reports        ${REPORTS}/summary.md`);
process.exitCode = status;
