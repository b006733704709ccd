/**
 * Reading Playwright's JSON results (`reports/results.json`) into a flat list of test outcomes:
 * the one input of the summary besides the coverage file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { HarnessError } from '../core/errors.js';

/** The parts of Playwright's JSON report this module reads (see @playwright/test/reporter JSONReport). */
export interface PwJsonReport {
  config?: { projects?: Array<{ name: string }>; shard?: { current: number; total: number } | null };
  suites: PwJsonSuite[];
  errors?: Array<{ message?: string; stack?: string }>;
  stats: { startTime: string; duration: number; expected: number; unexpected: number; flaky: number; skipped: number };
}
interface PwJsonSuite {
  title: string;
  file: string;
  specs: PwJsonSpec[];
  suites?: PwJsonSuite[];
}
interface PwJsonSpec {
  title: string;
  file: string;
  line: number;
  tags?: string[];
  tests: PwJsonTest[];
}
interface PwJsonTest {
  projectName: string;
  status: 'skipped' | 'expected' | 'unexpected' | 'flaky';
  annotations?: Array<{ type: string; description?: string }>;
  results: Array<{
    status?: string;
    duration: number;
    retry: number;
    errors?: Array<{ message?: string }>;
    error?: { message?: string };
    annotations?: Array<{ type: string; description?: string }>;
  }>;
}

/** One test of the run, as the summary needs it. */
export interface TestOutcome {
  /** Project (suite) name: contract, stream, property. */
  project: string;
  file: string;
  line: number;
  /** Describe titles and the test title, outermost first. */
  titlePath: string[];
  tags: string[];
  status: 'passed' | 'failed' | 'flaky' | 'skipped';
  /** Duration of the last attempt, ms. */
  durationMs: number;
  /** Error messages of the last attempt, ANSI colours removed. */
  errors: string[];
  /** Why it was skipped, when a skip annotation says so. */
  skipReason?: string;
  /** The test's annotations (the fixtures' `security-check`, `security-finding`, ...). */
  annotations?: Array<{ type: string; description?: string }>;
}

/** The whole run. */
export interface RunResults {
  tests: TestOutcome[];
  stats: PwJsonReport['stats'];
  /** Errors outside tests (global setup, compile errors), one line each. */
  globalErrors: string[];
  shard?: { current: number; total: number };
}

// ESC [ ... m colour codes from Playwright's expect messages.
const ANSI = /\u001b\[[0-9;]*m/g;

/** Removes ANSI colour codes. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

const STATUS: Record<PwJsonTest['status'], TestOutcome['status']> = {
  expected: 'passed',
  unexpected: 'failed',
  flaky: 'flaky',
  skipped: 'skipped',
};

function walk(suite: PwJsonSuite, titles: string[], out: TestOutcome[]): void {
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests ?? []) {
      const last = t.results[t.results.length - 1];
      const errors = (last?.errors?.length ? last.errors : last?.error ? [last.error] : [])
        .map((e) => stripAnsi(e.message ?? ''))
        .filter(Boolean);
      const annotations = [...(t.annotations ?? []), ...(last?.annotations ?? [])];
      const skip = annotations.find((a) => a.type === 'skip' || a.type === 'fixme');
      out.push({
        project: t.projectName,
        file: spec.file,
        line: spec.line,
        titlePath: [...titles, spec.title],
        tags: spec.tags ?? [],
        status: STATUS[t.status] ?? 'failed',
        durationMs: last?.duration ?? 0,
        errors,
        skipReason: t.status === 'skipped' ? skip?.description : undefined,
        annotations: dedupe(annotations),
      });
    }
  }
  for (const child of suite.suites ?? []) walk(child, [...titles, child.title], out);
}

/** Annotations without repeats (a test's and its last result's lists overlap). */
function dedupe(list: Array<{ type: string; description?: string }>): Array<{ type: string; description?: string }> {
  const seen = new Set<string>();
  return list.filter((a) => {
    const key = `${a.type}\u0000${a.description ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Flattens a parsed JSON report. */
export function parseResults(report: PwJsonReport): RunResults {
  const tests: TestOutcome[] = [];
  // Top-level suites are files; their title is the file path, which is not part of the test's name.
  for (const file of report.suites ?? []) walk(file, [], tests);
  const globalErrors = (report.errors ?? [])
    .map((e) => stripAnsi(e.message ?? e.stack ?? '').split('\n')[0])
    .filter(Boolean);
  const shard = report.config?.shard ?? undefined;
  return { tests, stats: report.stats, globalErrors, shard: shard ?? undefined };
}

/** Reads and flattens `file`; a missing or unreadable file is a harness error. */
export function readResults(file: string): RunResults {
  if (!existsSync(file)) {
    throw new HarnessError(
      'internal',
      `${file} was not written`,
      'Playwright stopped before reporting; see its output above',
    );
  }
  try {
    return parseResults(JSON.parse(readFileSync(file, 'utf8')) as PwJsonReport);
  } catch (err) {
    throw new HarnessError(
      'internal',
      `${file}: unreadable Playwright results (${(err as Error).message.split('\n')[0]})`,
    );
  }
}

/** The display name of a test: `Project › describe › title`. */
export function testName(t: TestOutcome): string {
  return [t.project, ...t.titlePath].filter(Boolean).join(' › ');
}
