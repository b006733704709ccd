/**
 * The self-test (mutation score): for every fault switch of the emulator, one conformance run with
 * that switch on; then a clean run where nothing may fail. Runs go through the CLI's `run` (each
 * in its own reports directory, one embedded emulator per run), `jobs` at a time.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError } from '../core/errors.js';
import { formatMs } from '../report/summary.js';
import { readFaultCatalogue, type FaultEntry } from './catalogue.js';
import { runConformance, type RunOutcome, type RunRequest } from './runOne.js';
import { EVERY_SUITE, describeSelection, selectionFor, type Selection } from './select.js';
import { writeSelftestReports, scoreLine, textTable, type SelftestResult } from './selftestReport.js';
import { cleanVerdict, faultVerdict, scoreOf, selftestExitCode, type FaultRow } from './verdict.js';

/** How a self-test runs; the runner and the catalogue are injectable for tests. */
export interface SelftestOptions {
  root: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Absolute reports directory: selftest.md/.json land here, each run under `selftest/<name>/`. */
  reportsDir: string;
  /** Only these faults (default: the whole catalogue). */
  faults?: string[];
  /** Runs at a time. */
  jobs: number;
  /** Playwright workers per run. */
  workers: number;
  /** Run the clean emulator too; default true. */
  clean?: boolean;
  /** The clean run's tests: default every suite; a subset's control may run only the tests its faults used. */
  cleanSelection?: Selection;
  /** Retry a missed fault on every suite before calling it missed; default true. */
  widen?: boolean;
  out(line: string): void;
  catalogue?: FaultEntry[];
  runner?: (r: RunRequest) => Promise<RunOutcome>;
}

/** Runs `task` over `items`, `n` at a time, in order of start. */
export async function pool<T>(
  items: readonly T[],
  n: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(n, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      await task(items[i], i);
    }
  });
  await Promise.all(lanes);
}

/** Picks the faults to run; an unknown name is a usage error that lists the catalogue. */
export function pickFaults(catalogue: readonly FaultEntry[], names?: readonly string[]): FaultEntry[] {
  if (!names || names.length === 0) return [...catalogue];
  const byName = new Map(catalogue.map((f) => [f.name, f]));
  const unknown = names.filter((n) => !byName.has(n));
  if (unknown.length) {
    throw new HarnessError(
      'usage',
      `unknown fault switch${unknown.length > 1 ? 'es' : ''}: ${unknown.join(', ')}`,
      'list them with: pieces-conformance emulator --list-faults',
    );
  }
  return [...new Set(names)].map((n) => byName.get(n)!);
}

/** Runs the self-test, prints the table and the score, writes the reports; resolves to the result. */
export async function runSelftest(o: SelftestOptions): Promise<SelftestResult> {
  const t0 = Date.now();
  const catalogue = o.catalogue ?? (await readFaultCatalogue(o.root, o.env));
  const faults = pickFaults(catalogue, o.faults);
  const runner = o.runner ?? runConformance;
  const runsDir = join(o.reportsDir, 'selftest');
  rmSync(runsDir, { recursive: true, force: true });
  const wantClean = o.clean !== false;
  const widen = o.widen !== false;
  o.out(
    `pieces-conformance selftest: ${faults.length} of ${catalogue.length} fault switches${wantClean ? ` + a clean run (${describeSelection(o.cleanSelection ?? EVERY_SUITE)})` : ''}, ${o.jobs} run${o.jobs === 1 ? '' : 's'} at a time, ${o.workers} workers each`,
  );

  const request = (
    name: string,
    selection: RunRequest['selection'],
    switches: string[],
    stopWhenCaught?: string,
  ): RunRequest => ({
    root: o.root,
    reportsDir: join(runsDir, name),
    selection,
    faults: switches,
    workers: o.workers,
    env: o.env,
    ...(stopWhenCaught ? { stopWhenCaught } : {}),
  });

  const rows: FaultRow[] = new Array(faults.length);
  let clean: SelftestResult['clean'];
  let faultsMs = 0;
  let done = 0;
  // The clean run goes first: it is the longest, so it overlaps the most fault runs.
  const jobs: Array<FaultEntry | 'clean'> = [...(wantClean ? ['clean' as const] : []), ...faults];
  await pool(jobs, o.jobs, async (job) => {
    if (job === 'clean') {
      const selection = o.cleanSelection ?? EVERY_SUITE;
      const outcome = await runner(request('clean', selection, []));
      clean = { selection, outcome, verdict: cleanVerdict(outcome) };
      o.out(
        `  clean run: ${clean.verdict.passed ? `conformant, ${outcome.counts.passed} passed` : `FAILED: ${clean.verdict.problems.join('; ')}`} (${formatMs(outcome.durationMs)})`,
      );
      return;
    }
    const f = job;
    const index = faults.indexOf(f);
    const selection = selectionFor(f);
    // The run stops once the expected check has failed: later tests would only confirm it.
    let outcome = await runner(request(f.name, selection, [f.name], f.expectedCheck));
    let verdict = faultVerdict(f.expectedCheck, outcome);
    let row: FaultRow = { fault: f, selection, verdict, caughtBy: outcome.checksFired, outcome };
    if (verdict === 'missed' && widen) {
      const wide = { ...EVERY_SUITE, widened: true };
      const narrow = outcome;
      outcome = await runner(request(`${f.name}-widened`, wide, [f.name], f.expectedCheck));
      verdict = faultVerdict(f.expectedCheck, outcome);
      row = { fault: f, selection: wide, verdict, caughtBy: outcome.checksFired, outcome, narrow };
    }
    rows[index] = row;
    faultsMs += row.outcome.durationMs + (row.narrow?.durationMs ?? 0);
    done++;
    const fired =
      verdict === 'caught'
        ? `caught by ${f.expectedCheck}`
        : verdict === 'missed'
          ? `MISSED (fired: ${outcome.checksFired.join(', ') || 'nothing'})`
          : `ERROR: ${outcome.harnessError}`;
    o.out(
      `  [${done}/${faults.length}] ${f.name}: ${fired} · ${describeSelection(row.selection)} (${formatMs(row.outcome.durationMs + (row.narrow?.durationMs ?? 0))})`,
    );
  });

  const score = scoreOf(rows);
  const result: SelftestResult = {
    rows,
    score,
    clean,
    wallMs: Date.now() - t0,
    faultsMs,
    jobs: o.jobs,
    workers: o.workers,
    catalogueSize: catalogue.length,
    exitCode: selftestExitCode(score, clean?.verdict, wantClean),
  };
  const files = writeSelftestReports(o.reportsDir, result, o.cwd);
  o.out('');
  o.out(textTable(rows));
  o.out('');
  o.out(`score: ${scoreLine(score)}`);
  if (clean)
    o.out(
      `clean run: ${clean.verdict.passed ? `conformant (${clean.outcome.counts.passed} passed, ${clean.outcome.counts.skipped} skipped)` : `FAILED: ${clean.verdict.problems.join('; ')}`}`,
    );
  o.out(`time: ${formatMs(result.wallMs)} in all; fault runs ${formatMs(faultsMs)} of run time (${o.jobs} at a time)`);
  o.out(`reports: ${files.md.replace(`${o.cwd}/`, '')} · ${files.json.replace(`${o.cwd}/`, '')}`);
  return result;
}
