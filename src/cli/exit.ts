/**
 * The exit codes of `pieces-conformance`, the contract CI relies on:
 * 0 every test conformant; 1 conformance failures; 2 the harness could not judge (usage, config,
 * spec, unreachable target, a crashed runner).
 */
import { HarnessError } from '../core/errors.js';

export const EXIT = { ok: 0, failures: 1, harness: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Counts of a finished Playwright run (its JSON reporter's `stats`). */
export interface RunCounts {
  expected: number;
  unexpected: number;
  flaky: number;
  skipped: number;
}

/** What a finished run looked like, for the exit-code decision. */
export interface RunOutcome {
  /** Playwright's own exit status (null when it was killed by a signal). */
  runnerStatus: number | null;
  /** Stats from the JSON results, when they could be read. */
  counts?: RunCounts;
  /** Errors outside any test (global setup failed, a file did not compile, ...). */
  globalErrors?: string[];
  /** A harness error found before or after the run (unreachable target, broken spec, ...). */
  harnessError?: HarnessError;
}

/**
 * Maps a run to its exit code. A harness problem wins over everything (the verdict is unknown);
 * then failed tests give 1; a runner that failed without any failed test (a crash, a compile error)
 * is a harness error too; a run that ran nothing is a harness error (a grep or shard that matched
 * nothing must not pass a release gate silently).
 */
export function exitCodeFor(o: RunOutcome): ExitCode {
  if (o.harnessError) return EXIT.harness;
  if (!o.counts) return EXIT.harness;
  if (o.counts.unexpected > 0) return EXIT.failures;
  if ((o.globalErrors?.length ?? 0) > 0) return EXIT.harness;
  if (o.runnerStatus !== 0) return EXIT.harness;
  if (o.counts.expected + o.counts.flaky + o.counts.skipped === 0) return EXIT.harness;
  return EXIT.ok;
}

/** The one line printed for any error that escapes a command: never a stack trace. */
export function errorLine(err: unknown): string {
  if (err instanceof HarnessError) return err.toLine();
  const msg = err instanceof Error ? err.message : String(err);
  return new HarnessError(
    'internal',
    msg.split('\n')[0] || 'unknown error',
    'this is a bug in pieces-conformance; rerun with PIECES_DEBUG=1 for the stack',
  ).toLine();
}
