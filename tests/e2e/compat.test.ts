/**
 * `pieces-conformance compat` end to end against the embedded emulator: the contract suite with the
 * exchange log, the live verdicts of every contract version, the SDK row from
 * @pieces.app/pieces-os-client, and the report (index.html in headless Chromium, compat.md,
 * compat.json, sdk.json). An unreachable target is a harness error (exit 2) within 10 s.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompatMatrix } from '../../src/compat/types.js';
import { cli, launchChromium, removeScratch, scratch } from './helpers.js';

after(removeScratch);

const VERSIONS = ['seed', 'upstream-2024-09', 'upstream-2025-01', 'upstream-2025-02', 'refined'];
const VERDICTS = ['conformant', 'not-conformant', 'not-exercised', 'breaking', 'warning'];
const reports = scratch('compat');
const run = await cli(['compat', '--reports-dir', reports]);
const output = `${run.stdout}\n${run.stderr}`;
const dir = join(reports, 'compat');
const matrix = (
  existsSync(join(dir, 'compat.json')) ? JSON.parse(readFileSync(join(dir, 'compat.json'), 'utf8')) : undefined
) as CompatMatrix;

test('compat exits 0, prints the counts table and says where the report is', () => {
  assert.equal(run.code, 0, output);
  assert.match(run.stdout, /contract and stream suites: \d+ passed, 0 failed/);
  assert.match(run.stdout, /^ {2}row +conformant +not-conformant +not-exercised +breaking +warning$/m);
  for (const label of [
    'seed',
    'upstream 2024-09',
    'upstream 2025-01',
    'upstream 2025-02',
    'refined',
    '@pieces.app/pieces-os-client 4.1.0',
  ]) {
    assert.match(
      run.stdout,
      new RegExp(`^ {2}${label.replace(/[.]/g, '\\.')} +\\d+ +\\d+ +\\d+ +\\d+ +\\d+$`, 'm'),
      label,
    );
  }
  assert.match(run.stdout, /live: \d+ exchanges from \d+ worker logs?, judged by 5 contract versions \(lenient\)/);
  assert.match(
    run.stdout,
    /SDK @pieces\.app\/pieces-os-client 4\.1\.0 against http:\/\/127\.0\.0\.1:\d+: \d+ ok, \d+ failed, \d+ skipped; content survives/,
  );
  assert.match(
    run.stdout,
    /report: .*compat\/index\.html · .*compat\/compat\.md · .*compat\/compat\.json · .*compat\/sdk\.json/,
  );
  assert.equal(run.stderr.trim(), '', 'nothing on stderr');
});

test('the suites ran with the exchange log into compat/run', () => {
  const logs = readdirSync(join(dir, 'run', 'exchanges')).filter((f) => f.endsWith('.ndjson'));
  assert.ok(logs.length >= 1);
  assert.ok(existsSync(join(dir, 'run', 'results.json')));
  assert.ok(!existsSync(join(reports, 'summary.md')), 'the reports of a plain run are left alone');
});

test('a row per contract version plus the SDK row; every cell has a verdict or "not exercised"', () => {
  assert.deepEqual(
    matrix.rows.map((r) => r.id),
    [...VERSIONS, 'sdk-4.1.0'],
  );
  assert.equal(matrix.rows.at(-1)!.kind, 'sdk');
  assert.ok(matrix.columns.length >= 28, `${matrix.columns.length} columns`);
  for (const r of matrix.rows) {
    for (const c of matrix.columns) {
      const cell = matrix.cells[r.id]?.[c.key];
      assert.ok(cell && VERDICTS.includes(cell.verdict), `${r.id} × ${c.key}: ${JSON.stringify(cell)}`);
      assert.ok(cell.reason, `${r.id} × ${c.key} has a reason`);
    }
  }
  assert.match(matrix.target ?? '', /^embedded emulator/);
});

test('live verdicts: every operation a version defines is judged on the run; the refined contract is met', () => {
  for (const v of VERSIONS) {
    const live = Object.values(matrix.cells[v]).filter((c) => c.source === 'live');
    assert.ok(live.length >= 28, `${v}: ${live.length} live cells`);
    assert.ok(live.filter((c) => c.verdict === 'conformant').length >= 6, `${v} has conformant live cells`);
  }
  // Every operation of the refined contract is judged live and met, the WebSocket ones on their frames.
  for (const [key, cell] of Object.entries(matrix.cells.refined)) {
    assert.equal(cell.source, 'live', key);
    assert.equal(cell.verdict, 'conformant', `${key}: ${cell.reason}`);
  }
  assert.match(matrix.cells.refined['GET /qgpt/stream'].reason!, /^\d+ frames conformant \(statuses 200 ×\d+/);
  assert.match(matrix.cells['upstream-2025-02']['GET /model/{}/download/progress'].reason!, /^\d+ frames conformant/);
  // The seed documents no 410: the run's missing-asset answers show it, with the first diagnostic.
  const seedGet = matrix.cells.seed['GET /asset/{}'];
  assert.equal(seedGet.verdict, 'not-conformant');
  assert.match(
    seedGet.reason!,
    /^GET \/asset\/\{asset\}: Undocumented HTTP status code\. Received: 410 \/ Documented: 200/,
  );
  // Operations a version does not define keep their static cell.
  assert.equal(matrix.cells.seed['POST /connect'].source, 'static');
  assert.match(matrix.cells.seed['POST /connect'].reason!, /does not define/);
});

test('the seed-vs-upstream envelope differences (search, relevance) appear with their reasons', () => {
  // The refined contract follows the real envelopes (spec/deviations.yaml): the seed's row shows them.
  const search = matrix.cells.seed['POST /assets/search'];
  assert.equal(search.static?.verdict, 'breaking');
  assert.match(
    search.static!.reason!,
    /Known difference: The seed answers a bare SearchedAssets; the real Pieces OS answers the envelope \{results: SearchedAssets\}/,
  );
  const relevance = matrix.cells.seed['POST /qgpt/relevance'];
  assert.equal(relevance.static?.verdict, 'breaking');
  assert.match(
    relevance.static!.reason!,
    /Known difference: The seed answers \{iterable: \[\{seed, score\}\]\}; the real Pieces OS answers \{relevant: /,
  );
  const md = readFileSync(join(dir, 'compat.md'), 'utf8');
  assert.match(md, /static: breaking/);
  assert.match(md, /The seed answers a bare SearchedAssets/);
  const seedToUpstream = matrix.pairs.find((p) => p.from === 'seed' && p.to === 'upstream-2024-09')!;
  assert.ok(
    seedToUpstream.changes.some((c) => c.key === 'POST /assets/search' && c.known),
    'the pair lists the search envelope change with its note',
  );
  assert.ok(
    seedToUpstream.changes.some((c) => c.key === 'POST /qgpt/relevance' && c.known),
    'and the relevance one',
  );
});

test("the SDK row: the calls that worked, the SDK's own stream method that cannot, and the content", () => {
  const sdk = matrix.cells['sdk-4.1.0'];
  assert.equal(sdk['POST /assets/create'].verdict, 'conformant');
  assert.match(sdk['POST /assets/create'].reason!, /content survives/);
  assert.equal(sdk['GET /qgpt/stream'].verdict, 'not-conformant');
  assert.match(
    sdk['GET /qgpt/stream'].reason!,
    /FetchError: TypeError: Request with GET\/HEAD method cannot have body/,
  );
  for (const key of [
    'GET /.well-known/health',
    'GET /.well-known/version',
    'POST /connect',
    'POST /asset/update',
    'POST /assets/search',
    'POST /qgpt/relevance',
    'POST /qgpt/question',
    'POST /conversations/create',
    'GET /models',
    'POST /applications/session/close',
    'GET /user',
    'POST /assets/{}/delete',
  ]) {
    assert.equal(sdk[key].verdict, 'conformant', `${key}: ${sdk[key].reason}`);
    assert.equal(sdk[key].source, 'sdk');
  }
  const smoke = JSON.parse(readFileSync(join(dir, 'sdk.json'), 'utf8'));
  assert.equal(smoke.sdk.version, '4.1.0');
  assert.ok(smoke.calls.length >= 28);
});

test('the page renders the matrix in headless Chromium', async () => {
  const { context, close } = await launchChromium();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) problems.push(`remote request: ${r.url()}`);
    });
    // Budgets for a loaded CI machine; alone the page opens in well under a second.
    await page.goto(pathToFileURL(join(dir, 'index.html')).href, { waitUntil: 'load', timeout: 90_000 });
    const table = page.locator('#compat-matrix');
    await table.waitFor({ state: 'visible', timeout: 60_000 });
    assert.equal(await table.locator('tbody tr').count(), VERSIONS.length + 1);
    assert.equal(await table.locator('tbody td').count(), (VERSIONS.length + 1) * matrix.columns.length);
    assert.deepEqual(await table.locator('tbody th[scope="row"]').allInnerTexts(), [
      'seed',
      'upstream 2024-09',
      'upstream 2025-01',
      'upstream 2025-02',
      'refined',
      '@pieces.app/pieces-os-client 4.1.0',
    ]);
    const stream = table.locator('tr[data-row="sdk-4.1.0"] td[data-verdict="not-conformant"]').first();
    assert.ok(await stream.isVisible());
    assert.match((await stream.getAttribute('title')) ?? '', /qgptStream.*FetchError/);
    const search = table
      .locator('tr[data-row="seed"] td')
      .nth(matrix.columns.findIndex((c) => c.key === 'POST /assets/search'));
    assert.match(
      (await search.getAttribute('title')) ?? '',
      /\[static: breaking - Known difference: The seed answers a bare SearchedAssets/,
    );
    // Cells are coloured by verdict.
    const colour = (sel: string) =>
      table
        .locator(sel)
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.notEqual(await colour('td[data-verdict="conformant"]'), await colour('td[data-verdict="not-conformant"]'));
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('an unreachable target is a harness error: exit 2 within 10 s, one line', async () => {
  const r = await cli(['compat', '--target', 'http://127.0.0.1:9', '--reports-dir', scratch('compat-unreachable')]);
  assert.equal(r.code, 2, `${r.stdout}\n${r.stderr}`);
  assert.ok(r.ms < 10_000, `took ${r.ms} ms`);
  assert.match(
    r.stderr.trim(),
    /^pieces-conformance: target error: no healthy Pieces OS at http:\/\/127\.0\.0\.1:9 .*\(start Pieces OS/,
  );
  assert.equal(r.stderr.trim().split('\n').length, 1);
});
