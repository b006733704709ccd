/**
 * Replaying a run's failures: which tests to run again (their file:line, per project), and the
 * verdict per test once they ran: FIXED (passes now), STILL FAILING, or NOT RUN (the test is gone,
 * renamed or skipped now). Pure, so it is unit-tested row by row.
 */
import type { TestOutcome } from './results.js';

/** One test to replay: where it is and what it is called. */
export interface ReplayTarget {
  project: string;
  file: string;
  line: number;
  title: string;
}

/** The verdict on one replayed test. */
export interface ReplayVerdict extends ReplayTarget {
  verdict: 'FIXED' | 'STILL FAILING' | 'NOT RUN';
  /** The first error line of the replay, for a test still failing; why, for one not run. */
  detail?: string;
}

const titleOf = (t: TestOutcome) => t.titlePath.join(' › ');
const keyOf = (t: { project: string; file: string; title: string }) => `${t.project}\u0000${t.file}\u0000${t.title}`;

/** The tests of a run that failed (flaky ones passed on a retry: not replayed). */
export function failedTests(tests: readonly TestOutcome[]): ReplayTarget[] {
  return tests
    .filter((t) => t.status === 'failed')
    .map((t) => ({ project: t.project, file: t.file, line: t.line, title: titleOf(t) }));
}

/** Playwright location arguments (`file:line`, once each) and the projects to run. */
export function replaySelection(targets: readonly ReplayTarget[]): { locations: string[]; projects: string[] } {
  return {
    locations: [...new Set(targets.map((t) => `${t.file}:${t.line}`))],
    projects: [...new Set(targets.map((t) => t.project))].sort(),
  };
}

/** The verdict on every replayed test, matched by project, file and title. */
export function replayVerdicts(targets: readonly ReplayTarget[], now: readonly TestOutcome[]): ReplayVerdict[] {
  const byKey = new Map(now.map((t) => [keyOf({ project: t.project, file: t.file, title: titleOf(t) }), t]));
  return targets.map((t) => {
    const again = byKey.get(keyOf(t));
    if (!again) return { ...t, verdict: 'NOT RUN', detail: 'no test of that name at that place any more' };
    if (again.status === 'passed' || again.status === 'flaky') return { ...t, verdict: 'FIXED' };
    if (again.status === 'skipped')
      return { ...t, verdict: 'NOT RUN', detail: `skipped${again.skipReason ? `: ${again.skipReason}` : ''}` };
    // The first contract failure line (`✗ [check] operation: ...`) says the most; else the first line.
    const lines = again.errors
      .join('\n')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const first = lines.find((l) => l.startsWith('✗')) ?? lines[0];
    return { ...t, verdict: 'STILL FAILING', ...(first ? { detail: first } : {}) };
  });
}

/** replay.md: one row per replayed test. */
export function replayMarkdown(verdicts: readonly ReplayVerdict[], meta: { from: string; target: string }): string {
  const fixed = verdicts.filter((v) => v.verdict === 'FIXED').length;
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    `# Replay: ${fixed} of ${verdicts.length} fixed`,
    '',
    `Failures of ${meta.from}, run again against ${meta.target}.`,
    '',
    '| verdict | suite | test | where | detail |',
    '|---|---|---|---|---|',
    ...verdicts.map(
      (v) => `| ${v.verdict} | ${v.project} | ${cell(v.title)} | ${v.file}:${v.line} | ${cell(v.detail ?? '')} |`,
    ),
    '',
  ].join('\n');
}
