/**
 * After Playwright: the environment block, the Allure HTML report, `summary.md`, and the exit code.
 * Shared by `run` (one run) and `merge` (shards combined).
 */
import { readSetting } from '../../settings/index.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { CoverageSummary } from '../../coverage/gate.js';
import { HarnessError } from '../../core/errors.js';
import type { RunEnvironment } from '../../report/environment.js';
import { writeEnvironment } from '../../report/environment.js';
import type { ReportPaths } from '../../report/paths.js';
import type { RunResults } from '../../report/results.js';
import { readResults } from '../../report/results.js';
import { counts, formatMs, renderSummary } from '../../report/summary.js';
import { generateAllure } from '../allure.js';
import { writeHar } from '../../report/har/index.js';
import { exitCodeFor } from '../exit.js';
import type { ExitCode } from '../exit.js';

/** Inputs of finishReports. */
export interface FinishInput {
  paths: ReportPaths;
  environment: RunEnvironment;
  /** Playwright's exit status (null: killed). */
  runnerStatus: number | null;
  /** Extra allure-results directories (merged shards); default: the run's own. */
  allureResultsDirs?: string[];
  html: boolean;
  /** Why the coverage gate does not apply (grep, shard), shown in the summary. */
  partialRun?: string;
  /**
   * Enforce the coverage gate here (merge: the shards only reported theirs). A run gates in the
   * suite's global teardown instead, whose error arrives as a global error.
   */
  gateCoverage?: boolean;
  root: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  startedAt: number;
  playwrightMs?: number;
  out(line: string): void;
}

/** What finishReports produced. */
export interface FinishOutput {
  exitCode: ExitCode;
  results?: RunResults;
  coverage?: CoverageSummary;
  harnessError?: HarnessError;
}

/** Reads `coverage.json` as the suite wrote it; undefined when absent or unreadable. */
export function readCoverage(file: string): CoverageSummary | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const c = JSON.parse(readFileSync(file, 'utf8')) as CoverageSummary;
    return Array.isArray(c.operations) ? c : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An error outside any test (global setup or teardown, e.g. the coverage gate) as a HarnessError;
 * the suite's own one-liners (`pieces-conformance: <code> error: ...`) are kept as they are.
 */
export function globalErrorAsHarness(line: string | undefined): HarnessError | undefined {
  if (!line) return undefined;
  const text = line.replace(/^(Error: )+/, '');
  if (/^No tests found/.test(text))
    return new HarnessError(
      'usage',
      'no test matched',
      'check --grep, --grep-invert, --suite and --shard (pieces-conformance run --list shows the selection)',
    );
  const own = /^pieces-conformance: (?:(spec|config|target|usage|internal) error: )?(.*)$/.exec(text);
  if (!own) return new HarnessError('internal', text, 'see the Playwright output above');
  return new SuiteLineError((own[1] as HarnessError['code'] | undefined) ?? 'usage', own[2], text);
}

/** A harness error whose one line the suite already wrote (printed as it is). */
class SuiteLineError extends HarnessError {
  constructor(
    code: HarnessError['code'],
    message: string,
    private readonly line: string,
  ) {
    super(code, message);
  }
  override toLine(): string {
    return this.line;
  }
}

/** The HarnessError the suite's global setup left in `harness-error.json`, if any. */
export function readHarnessError(file: string): HarnessError | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const e = JSON.parse(readFileSync(file, 'utf8')) as { code: HarnessError['code']; message: string; hint?: string };
    return new HarnessError(e.code, e.message, e.hint);
  } catch {
    return new HarnessError('internal', `${file}: unreadable harness error report`);
  }
}

/** Writes every report and decides the exit code. Never throws for report problems: they become exit 2. */
export async function finishReports(i: FinishInput): Promise<FinishOutput> {
  const p = i.paths;
  // A harness error the suite's global setup reported (broken contract, unreachable target, bad
  // config) is the verdict: the run could not judge anything.
  let harnessError = readHarnessError(p.harnessError);
  let results: RunResults | undefined;
  try {
    results = readResults(p.json);
  } catch (err) {
    harnessError ??= err instanceof HarnessError ? err : new HarnessError('internal', String(err));
  }
  const coverage = readCoverage(p.coverageJson);
  if (
    i.gateCoverage &&
    coverage &&
    !coverage.passed &&
    !harnessError &&
    !['off', 'report'].includes(readSetting('coverageGate', i.env))
  ) {
    const n = coverage.missing.length;
    harnessError = new SuiteLineError(
      'usage',
      'coverage gate',
      `pieces-conformance: coverage gate: ${n} operation${n === 1 ? '' : 's'} of the contract never exercised: ${coverage.missing.join(', ')} (${coverage.line}) (add tests for them, or set PIECES_COVERAGE_GATE=report)`,
    );
  }
  const show = (f: string) => relative(i.cwd, f) || f;

  writeEnvironment(i.environment, p.allureResults, p.environment);
  // The suites' teardown writes the run's HAR; a run that never reached it still leaves one.
  if (!existsSync(p.har)) writeHar(p.har, []);
  const t0 = Date.now();
  if (i.html && results) {
    try {
      await generateAllure({
        resultsDirs: i.allureResultsDirs ?? [p.allureResults],
        output: p.allureReport,
        reportsDir: p.dir,
        root: i.root,
        env: i.env,
      });
    } catch (err) {
      harnessError ??= err instanceof HarnessError ? err : new HarnessError('internal', String(err));
    }
  }
  const reportsMs = Date.now() - t0;

  const exitCode = exitCodeFor({
    runnerStatus: i.runnerStatus,
    counts: results?.stats,
    globalErrors: results?.globalErrors,
    harnessError,
  });
  if (!harnessError && exitCode === 2 && results) {
    harnessError =
      globalErrorAsHarness(results.globalErrors[0]) ??
      new HarnessError(
        results.tests.length === 0 ? 'usage' : 'internal',
        results.tests.length === 0 ? 'no tests ran' : `Playwright exited with ${i.runnerStatus}`,
        results.tests.length === 0 ? 'check --grep, --suite and --shard' : 'see its output above',
      );
  }
  const links: Record<string, string> = { JUnit: show(p.junit) };
  if (i.html && existsSync(`${p.allureReport}/index.html`)) links.Allure = show(`${p.allureReport}/index.html`);
  if (existsSync(p.coverageMd)) links.coverage = show(p.coverageMd);
  links.HAR = show(p.har);
  const summary = renderSummary({
    results: results ?? {
      tests: [],
      stats: { startTime: '', duration: 0, expected: 0, unexpected: 0, flaky: 0, skipped: 0 },
      globalErrors: [],
    },
    coverage,
    environment: i.environment,
    exitCode,
    partialRun: i.partialRun,
    harnessError: harnessError?.toLine(),
    timing: { wallMs: Date.now() - i.startedAt, playwrightMs: i.playwrightMs, reportsMs },
    links,
  });
  writeFileSync(p.summary, summary);

  const c = results ? counts(results.tests) : undefined;
  i.out('');
  if (c)
    i.out(
      `${c.passed} passed, ${c.failed} failed${c.flaky ? `, ${c.flaky} flaky` : ''}${c.skipped ? `, ${c.skipped} skipped` : ''}${coverage ? `; coverage ${coverage.line}` : ''} (${formatMs(Date.now() - i.startedAt)})`,
    );
  i.out(
    `summary: ${show(p.summary)} · JUnit: ${show(p.junit)}${links.Allure ? ` · Allure: ${links.Allure}` : ''} · HAR: ${links.HAR}`,
  );
  return { exitCode, results, coverage, harnessError };
}
