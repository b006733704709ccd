/**
 * A red run end to end: the embedded emulator with a planted bug (delete-does-not-delete), a few
 * tests (--grep @Assets). It must exit 1 and leave a JUnit file with the failure, a summary naming
 * the check and the operation, and an Allure report whose failing test carries the cURL that
 * reproduces the failing exchange; the report then opens in headless Chromium without errors.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { allureData, allureTests, attachmentText, cli, launchChromium, scratch, removeScratch } from './helpers.js';

after(removeScratch);

const reports = scratch('red');
const run = await cli([
  'run',
  '--suite',
  'contract',
  '--fault',
  'delete-does-not-delete',
  '--grep',
  '@Assets',
  '--reports-dir',
  reports,
]);
const output = `${run.stdout}\n${run.stderr}`;

test('a red run exits 1 and says where the reports are', () => {
  assert.equal(run.code, 1, output);
  assert.match(run.stdout, /\d+ passed, [1-9]\d* failed/);
  assert.match(run.stdout, /summary: .*summary\.md · JUnit: .*junit\.xml · Allure: .*allure-report\/index\.html/);
});

test("progress is streamed: Playwright's list reporter lines appear", () => {
  assert.match(run.stdout, /Running \d+ tests? using \d+ workers?/);
  assert.match(run.stdout, /✘ .*\[contract\] › /);
});

test('the JUnit file holds the failure with its check and operation', () => {
  const junit = readFileSync(join(reports, 'junit.xml'), 'utf8');
  assert.match(junit, /<testsuites [^>]*failures="[1-9]/);
  assert.match(junit, /<failure [^>]*>/);
  assert.match(junit, /\[use_after_delete\] deleteAsset: Use after delete\./);
});

test('the summary names the check and the operation, with facts', () => {
  const md = readFileSync(join(reports, 'summary.md'), 'utf8');
  assert.match(md, /^# Pieces OS conformance: ❌ FAIL/);
  assert.match(md, /\*\*Fault switches:\*\* delete-does-not-delete/);
  assert.match(md, /### `use_after_delete`: Use after delete/);
  // Scenario checks blame the operation at fault (the delete), and name the read that showed it.
  assert.match(md, /- \*\*deleteAsset\*\*: Received: 200 for GET \/asset\/\S+ after deleteAsset .*Expected: 410/);
  assert.match(md, /\*\*Contract version:\*\* \d+\.\d+\.\d+/);
  assert.match(md, /\*\*Target version:\*\* \d+\.\d+\.\d+/);
});

const index = join(reports, 'allure-report', 'index.html');

test('the Allure report is one offline file whose failing test has the cURL that reproduces it', () => {
  assert.ok(existsSync(index), 'allure-report/index.html');
  assert.deepEqual(
    readdirSync(join(reports, 'allure-report')).filter((f) => f.endsWith('.html')),
    ['index.html'],
  );
  const files = allureData(index);
  const tests = allureTests(files);
  const failed = tests.filter((t) => t.status === 'failed');
  assert.ok(failed.length >= 1, 'a failed test');
  const t = failed.find((x) => x.labels.some((l) => l.name === 'check' && l.value === 'use_after_delete'));
  assert.ok(t, `a failed test labelled check=use_after_delete: ${JSON.stringify(failed.map((x) => x.labels))}`);
  assert.ok(
    t.labels.some((l) => l.name === 'operationId' && l.value === 'deleteAsset'),
    'operationId label',
  );
  assert.ok(
    t.labels.some((l) => l.name === 'severity'),
    'severity label',
  );
  assert.ok(
    t.stepNames.some((s) => /^deleteAsset: POST \/assets\/[^/]+\/delete/.test(s)),
    'one step per request',
  );
  const curl = t.attachments.filter((a) => /cURL/.test(a.name)).map((a) => attachmentText(files, a) ?? '');
  assert.ok(
    curl.some((c) => /^curl .*http:\/\/127\.0\.0\.1:\d+\/asset\/[0-9a-f-]+/.test(c)),
    `cURL of the failing GET /asset/{id}: ${curl.join(' | ')}`,
  );
  assert.ok(
    t.attachments.some((a) => / exchange$/.test(a.name)),
    'request/response exchange attachments',
  );
  // The environment block: target URL and version, contract version, validation mode.
  const env = JSON.parse(files.get('widgets/allure_environment.json') ?? '[]') as Array<{
    name: string;
    values: string[];
  }>;
  const value = (n: string) => env.find((e) => e.name === n)?.values[0];
  assert.match(value('Target URL') ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.match(value('Target version') ?? '', /^\d+\.\d+\.\d+/);
  assert.match(value('Contract version') ?? '', /^\d+\.\d+\.\d+/);
  assert.equal(value('Validation mode'), 'strict');
  assert.equal(JSON.parse(files.get('widgets/variables.json') ?? '{}')['Validation mode'], 'strict');
});

/** How long the Allure report may take to open and render on a busy 2-core CI machine. */
const REPORT_READY_BUDGET_MS = 120_000;

test('the Allure report opens in headless Chromium without errors and shows the tests', async () => {
  const { context, close } = await launchChromium();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const problems: string[] = [];
    // The report embeds Google's analytics tag; offline it cannot load, which is expected and harmless.
    const analytics = /googletagmanager|google-analytics|gtag/;
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      if (analytics.test(m.text()) || analytics.test(m.location().url ?? '')) return;
      if (
        /net::ERR_(NAME_NOT_RESOLVED|INTERNET_DISCONNECTED|CONNECTION_REFUSED|ADDRESS_UNREACHABLE|NETWORK_ACCESS_DENIED)/.test(
          m.text(),
        )
      ) {
        // A resource that failed to load: only the analytics script may do that.
        if (!analytics.test(m.location().url ?? '')) problems.push(`console: ${m.text()} (${m.location().url})`);
        return;
      }
      problems.push(`console: ${m.text()}`);
    });
    page.on('requestfailed', (r) => {
      if (!analytics.test(r.url())) problems.push(`requestfailed: ${r.url()}`);
    });
    // One budget for a loaded CI machine (alone it takes about 4 s): the page's load, then the
    // report's own readiness (Allure renders its results tree into [data-testid=tree-content]).
    const deadline = Date.now() + REPORT_READY_BUDGET_MS;
    const left = () => Math.max(1_000, deadline - Date.now());
    await page.goto(pathToFileURL(index).href, { waitUntil: 'load', timeout: left() });
    await page.locator('[data-testid="tree-content"]').first().waitFor({ timeout: left() });
    // The tree lists the suite, the tag and the tests.
    await page.getByText('contract', { exact: true }).first().waitFor({ timeout: left() });
    await page.getByText('Assets', { exact: true }).first().waitFor({ timeout: left() });
    const text = await page.locator('body').innerText();
    assert.match(text, /Pieces OS conformance/);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test("replay runs the failure again with the run's settings: still failing with the fault on, fixed without it", async () => {
  const still = await cli(['replay', '--reports-dir', reports]);
  assert.equal(still.code, 1, `${still.stdout}\n${still.stderr}`);
  assert.match(
    still.stdout,
    /replay: 2 failed tests of .* against the embedded emulator with faults delete-does-not-delete/,
  );
  assert.match(
    still.stdout,
    /STILL FAILING +\[contract\] Assets › an asset lives, is renamed and is deleted as documented — ✗ \[use_after_delete\] deleteAsset: Use after delete\./,
  );
  assert.match(still.stdout, /^0 of 2 fixed; replay: .*replay\/replay\.md/m);
  const fixed = await cli(['replay', '--reports-dir', reports, '--without-faults']);
  assert.equal(fixed.code, 0, `${fixed.stdout}\n${fixed.stderr}`);
  assert.match(fixed.stdout, /FIXED +\[contract\] Assets › an asset lives/);
  assert.match(readFileSync(join(reports, 'replay', 'replay.md'), 'utf8'), /^# Replay: 2 of 2 fixed$/m);
  assert.match(readFileSync(join(reports, 'replay', 'junit.xml'), 'utf8'), /failures="0"/);
  assert.match(
    readFileSync(join(reports, 'summary.md'), 'utf8'),
    /FAIL/,
    "the replayed run's own reports are left alone",
  );
});

test('replay without an earlier run is a usage error naming the folder', async () => {
  const none = await cli(['replay', '--reports-dir', scratch('no-run')]);
  assert.equal(none.code, 2);
  assert.match(
    none.stderr,
    /no run to replay in .*no-run.* \(results\.json and run-config\.json are written by pieces-conformance run\)/,
  );
});
