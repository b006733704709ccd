/**
 * The conformance suites as Playwright projects: `contract` (tests/contract), `stream`
 * (tests/stream) and `property` (tests/property). API testing only (the `request` fixture, no
 * browser). Global setup resolves the target (or starts the embedded emulator) and fails fast;
 * global teardown is the coverage gate. Every report goes where src/report/paths.ts says, under the
 * reportsDir setting (reports/, PIECES_REPORTS_DIR, the CLI's --reports-dir).
 */
import { defineConfig } from '@playwright/test';
import { REPORT_PATHS } from './tests/fixtures/paths.js';
import { readSettings, testTimeoutMs, timeBudgets } from './src/settings/index.js';

const CI = !!process.env.CI;
/** `.ts` in a checkout, `.js` in the installed package (compiled into dist/, which mirrors the checkout). */
const EXT = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

export default defineConfig({
  globalSetup: `./tests/global-setup${EXT}`,
  globalTeardown: `./tests/global-teardown${EXT}`,
  outputDir: REPORT_PATHS.testResults,
  fullyParallel: true, // shards balance by test, not by file
  workers: 2,
  forbidOnly: CI,
  retries: 0, // a conformance verdict is not retried into a pass
  // Derived from the time budgets (src/settings/budgets.ts); tests that wait for more set their own from them.
  timeout: testTimeoutMs(timeBudgets(readSettings())),
  expect: { timeout: 5_000 },
  reporter: [
    ['list'],
    ['allure-playwright', { resultsDir: REPORT_PATHS.allureResults, detail: true, suiteTitle: true }],
    // Annotations become testcase properties: each failure's basis and each warning (src/report/verdicts.ts).
    ['junit', { outputFile: REPORT_PATHS.junit, embedAnnotationsAsProperties: true }],
    ['json', { outputFile: REPORT_PATHS.json }],
    // A shard of a distributed run (pieces-conformance run --shard i/n) also writes a blob report
    // into PLAYWRIGHT_BLOB_OUTPUT_DIR, one directory per shard; `pieces-conformance merge` combines them.
    ...(process.env.PLAYWRIGHT_BLOB_OUTPUT_DIR ? [['blob'] as ['blob']] : []),
  ],
  use: {
    // No browser: the suites use only the request fixture. Redirects are the target's answer.
    extraHTTPHeaders: { 'user-agent': 'pieces-os-conformance' },
  },
  projects: [
    { name: 'contract', testDir: './tests/contract' },
    { name: 'stream', testDir: './tests/stream' },
    { name: 'property', testDir: './tests/property' },
  ],
});
