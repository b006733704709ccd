/**
 * One conformance run of the self-test: `pieces-conformance run` spawned with its own reports
 * directory (the CLI's run machinery end to end: preflight, Playwright, one embedded emulator per
 * run, results.json), its output kept in `<dir>/run.log`, then read back as the checks and tests
 * that failed.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runNode } from '../process/spawn.js';
import { groupFailures } from '../report/failures.js';
import { readResults } from '../report/results.js';
import { reportPaths } from '../report/paths.js';
import { testName } from '../report/results.js';
import type { Selection } from './select.js';

/** What one run showed. */
export interface RunOutcome {
  /** The CLI's exit code (0 conformant, 1 failures, 2 harness error; null: killed). */
  exitCode: number | null;
  /** Distinct checks named by failure lines, sorted. */
  checksFired: string[];
  /** Names of the failed tests (`contract › Assets › ...`). */
  testsFailed: string[];
  /** Failed tests whose errors carry no check line (a timeout, a plain assertion), with their first line. */
  otherFailures: string[];
  /** Test counts. */
  counts: { passed: number; failed: number; skipped: number; flaky: number };
  /** The harness error line, when the run could not judge. */
  harnessError?: string;
  durationMs: number;
  reportsDir: string;
}

/** How a run is made. */
export interface RunRequest {
  root: string;
  reportsDir: string;
  selection: Selection;
  faults: string[];
  workers: number;
  /** A fault run's expected check: once it fails, the run's remaining tests skip (the fault is caught). */
  stopWhenCaught?: string;
  /** Caller's environment; PIECES_* and PLAYWRIGHT_* are dropped so nothing leaks into the run. */
  env: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** The CLI's own bin. */
export function conformanceBin(root: string): string {
  return join(root, 'bin', 'pieces-conformance.mjs');
}

/** The arguments of `pieces-conformance run` for a request. */
export function runArgs(
  r: Pick<RunRequest, 'reportsDir' | 'selection' | 'faults' | 'workers' | 'stopWhenCaught'>,
): string[] {
  const args = [
    'run',
    '--no-html',
    '--reports-dir',
    r.reportsDir,
    '--workers',
    String(r.workers),
    '--suite',
    r.selection.suites.join(','),
  ];
  if (r.selection.grep) args.push('--grep', r.selection.grep);
  for (const f of r.faults) args.push('--fault', f);
  if (r.stopWhenCaught) args.push('--stop-when-caught', r.stopWhenCaught);
  return args;
}

/** The environment of a run: the caller's without any PIECES_* / PLAYWRIGHT_* setting. */
export function cleanEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...Object.fromEntries(
      Object.entries(env).filter(([k]) => !k.startsWith('PIECES_') && !k.startsWith('PLAYWRIGHT_')),
    ),
    FORCE_COLOR: '0',
  };
}

/** Runs the suites once and reads what failed. */
export async function runConformance(r: RunRequest): Promise<RunOutcome> {
  mkdirSync(r.reportsDir, { recursive: true });
  const args = runArgs(r);
  const child = await runNode(conformanceBin(r.root), args, {
    cwd: r.root,
    env: cleanEnv(r.env),
    capture: true,
    timeoutMs: r.timeoutMs ?? 600_000,
  });
  writeFileSync(
    join(r.reportsDir, 'run.log'),
    `$ pieces-conformance ${args.join(' ')}\n${child.stdout}\n${child.stderr}`,
  );
  return outcomeOf(r.reportsDir, child.code, child.durationMs, child.stderr);
}

/** Reads a finished run's reports directory into an outcome. */
export function outcomeOf(reportsDir: string, exitCode: number | null, durationMs: number, stderr = ''): RunOutcome {
  const p = reportPaths(reportsDir, '/');
  const harnessLine = stderr
    .split('\n')
    .find((l) => l.startsWith('pieces-conformance: '))
    ?.trim();
  const base: RunOutcome = {
    exitCode,
    checksFired: [],
    testsFailed: [],
    otherFailures: [],
    counts: { passed: 0, failed: 0, skipped: 0, flaky: 0 },
    durationMs,
    reportsDir,
    ...(exitCode === 2 || exitCode === null
      ? { harnessError: harnessLine ?? `the run ended with ${exitCode ?? 'a signal'}` }
      : {}),
  };
  if (!existsSync(p.json)) return base;
  let results;
  try {
    results = readResults(p.json);
  } catch (err) {
    return { ...base, harnessError: base.harnessError ?? String((err as Error).message) };
  }
  const { groups, other } = groupFailures(results.tests);
  const counts = { passed: 0, failed: 0, skipped: 0, flaky: 0 };
  for (const t of results.tests) counts[t.status]++;
  return {
    ...base,
    checksFired: groups.map((g) => g.check).sort(),
    testsFailed: results.tests.filter((t) => t.status === 'failed').map(testName),
    otherFailures: other.map((o) => `${o.test}: ${o.message}`),
    counts,
  };
}
