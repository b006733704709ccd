/**
 * The self-test's verdicts: a fault is caught when the check it names fired in its run (other
 * checks firing as well is collateral, not a substitute); the score is caught / total; the clean
 * run passes only when nothing failed and the harness could judge.
 */
import type { FaultEntry } from './catalogue.js';
import type { RunOutcome } from './runOne.js';
import type { Selection } from './select.js';

/** caught: the expected check fired; missed: it did not; error: the harness could not judge the run. */
export type FaultVerdict = 'caught' | 'missed' | 'error';

/** One row of the self-test table. */
export interface FaultRow {
  fault: FaultEntry;
  selection: Selection;
  verdict: FaultVerdict;
  /** The checks that fired in the deciding run (the widened one, when there was one). */
  caughtBy: string[];
  outcome: RunOutcome;
  /** The narrow run that missed, when the selection was widened. */
  narrow?: RunOutcome;
}

/** The verdict on one fault's run. */
export function faultVerdict(
  expectedCheck: string,
  o: Pick<RunOutcome, 'exitCode' | 'checksFired' | 'harnessError'>,
): FaultVerdict {
  if (o.checksFired.includes(expectedCheck)) return 'caught';
  if (o.harnessError !== undefined || o.exitCode === 2 || o.exitCode === null) return 'error';
  return 'missed';
}

/** What the clean run says. */
export interface CleanVerdict {
  passed: boolean;
  /** The harness could not judge the clean run (exit 2): no verdict either way. */
  error: boolean;
  /** Why it failed, one line each. */
  problems: string[];
}

/** The clean emulator must give exit 0: no failed test, no harness error, at least one test run. */
export function cleanVerdict(o: RunOutcome): CleanVerdict {
  const problems: string[] = [];
  if (o.harnessError) problems.push(o.harnessError);
  if (o.checksFired.length)
    problems.push(`checks fired on the clean emulator (false alarms): ${o.checksFired.join(', ')}`);
  if (o.counts.failed > 0)
    problems.push(
      `${o.counts.failed} test${o.counts.failed === 1 ? '' : 's'} failed: ${o.testsFailed.slice(0, 5).join('; ')}`,
    );
  if (o.counts.flaky > 0) problems.push(`${o.counts.flaky} flaky test${o.counts.flaky === 1 ? '' : 's'}`);
  if (problems.length === 0 && o.exitCode !== 0) problems.push(`the run exited ${o.exitCode ?? 'by a signal'}`);
  if (problems.length === 0 && o.counts.passed === 0) problems.push('no test passed');
  return { passed: problems.length === 0, error: o.harnessError !== undefined && o.counts.failed === 0, problems };
}

/** caught / total. */
export interface Score {
  caught: number;
  missed: number;
  errors: number;
  total: number;
}

/** Counts the verdicts of the rows. */
export function scoreOf(rows: readonly Pick<FaultRow, 'verdict'>[]): Score {
  const s: Score = { caught: 0, missed: 0, errors: 0, total: rows.length };
  for (const r of rows) {
    if (r.verdict === 'caught') s.caught++;
    else if (r.verdict === 'missed') s.missed++;
    else s.errors++;
  }
  return s;
}

/**
 * The self-test's exit code: 2 when a run could not be judged, 1 when a fault was missed or the
 * clean run failed (or did not run while it was asked for), 0 otherwise.
 */
export function selftestExitCode(score: Score, clean: CleanVerdict | undefined, cleanRequired: boolean): 0 | 1 | 2 {
  if (score.errors > 0 || clean?.error) return 2;
  if (score.missed > 0) return 1;
  if (cleanRequired && (!clean || !clean.passed)) return 1;
  return 0;
}
