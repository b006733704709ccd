/**
 * The files of a run under the reports directory (default `reports/`, the reportsDir setting,
 * PIECES_REPORTS_DIR): the one place that names them, shared by the CLI, playwright.config.ts, the
 * suites' global setup and teardown and their fixtures.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The folder of the exchange log under a reports directory. */
export const EXCHANGE_LOG_DIR = 'exchanges';

/** Every output of a run. */
export interface ReportPaths {
  dir: string;
  /** allure-playwright's raw results (one JSON per test, attachments). */
  allureResults: string;
  /** The Allure 3 single-file HTML report: `<dir>/allure-report/index.html`. */
  allureReport: string;
  junit: string;
  /** Playwright's JSON reporter output. */
  json: string;
  summary: string;
  coverageJson: string;
  coverageMd: string;
  /** The environment block (target, versions, validation), read by allurerc.mjs. */
  environment: string;
  /** What the suite's global setup resolved as target (url, kind, version). */
  target: string;
  /** A harness error the suite's global setup left (code, message, hint, line). */
  harnessError: string;
  /** Per-worker coverage parts. */
  coverageParts: string;
  /** Playwright's per-test output (traces, attachments on disk). */
  testResults: string;
  /** The blob report of a shard (`playwright merge-reports` input). */
  blob: string;
  /** Every exchange of the run as HAR 1.2 (WebSocket messages in `_webSocketMessages`). */
  har: string;
  /** The workers' parts of the HAR (one NDJSON file per worker), joined into `har` by the teardown. */
  harParts: string;
  /** The resolved settings of the run, saved for `replay`. */
  runConfig: string;
  /** The exchange log (one NDJSON file per worker), when the exchangeLog setting is on. */
  exchanges: string;
  /** Where `replay` writes the replay of this run's failures. */
  replay: string;
  /** Where `compat` writes its matrix (and its suite run under `compat/run`). */
  compat: string;
  /** The suites' cache (the parsed contract, keyed by its content hash). */
  cache: string;
  /** Written when the check the stopWhenCaught setting names fails: later tests skip. */
  caught: string;
}

/** The paths under `dir` (resolved against cwd). */
export function reportPaths(dir = 'reports', cwd = process.cwd()): ReportPaths {
  const d = resolve(cwd, dir);
  return {
    dir: d,
    allureResults: join(d, 'allure-results'),
    allureReport: join(d, 'allure-report'),
    junit: join(d, 'junit.xml'),
    json: join(d, 'results.json'),
    summary: join(d, 'summary.md'),
    coverageJson: join(d, 'coverage.json'),
    coverageMd: join(d, 'coverage.md'),
    environment: join(d, 'environment.json'),
    target: join(d, 'target.json'),
    harnessError: join(d, 'harness-error.json'),
    coverageParts: join(d, 'coverage', 'parts'),
    testResults: join(d, 'test-results'),
    blob: join(d, 'blob'),
    har: join(d, 'exchanges.har'),
    harParts: join(d, 'har', 'parts'),
    runConfig: join(d, 'run-config.json'),
    exchanges: join(d, EXCHANGE_LOG_DIR),
    replay: join(d, 'replay'),
    compat: join(d, 'compat'),
    cache: join(d, '.cache'),
    caught: join(d, '.caught'),
  };
}

/**
 * Removes the outputs of an earlier run (allure-playwright never clears its results directory, so
 * a stale result would show up as a test of this run). Files the run does not produce, such as
 * `reports/README.md` and other commands' subfolders, are left alone.
 */
export function clearRunOutputs(p: ReportPaths): void {
  mkdirSync(p.dir, { recursive: true });
  for (const path of [
    p.allureResults,
    p.allureReport,
    p.junit,
    p.json,
    p.summary,
    p.coverageJson,
    p.coverageMd,
    p.environment,
    p.target,
    p.harnessError,
    p.coverageParts,
    p.testResults,
    p.blob,
    p.har,
    p.caught,
  ]) {
    rmSync(path, { recursive: true, force: true });
  }
}
