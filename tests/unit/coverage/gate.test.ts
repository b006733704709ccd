/** Coverage: ledger merge, worker parts, the gate's rules (who must exercise what), the summary line and the reports. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoverageLedger, type CoverageHit } from '../../../src/coverage/ledger.js';
import { clearParts, mergeParts, readParts, writePart } from '../../../src/coverage/parts.js';
import { evaluateCoverage, gateMessage } from '../../../src/coverage/gate.js';
import { coverageMarkdown, writeCoverageReports } from '../../../src/coverage/coverageReport.js';
import { hitOf } from '../../../src/coverage/hit.js';
import { HarnessError } from '../../../src/core/errors.js';
import { loadSpec } from '../../../src/contract/load.js';

const spec = await loadSpec('spec/pieces-os.openapi.yaml');
const ops = [...spec.operations.values()];
const http = ops.filter((o) => !o.websocket).map((o) => o.operationId);
const hit = (operationId: string, status = 200, extra: Partial<CoverageHit> = {}): CoverageHit => ({
  operationId,
  status,
  media: 'application/json',
  checks: ['not_a_server_error'],
  ...extra,
});

test('the ledger merges identical cells and unions checks and failures', () => {
  const a = new CoverageLedger();
  a.record(hit('getAsset', 200, { checks: ['x'] }));
  a.record(hit('getAsset', 200, { checks: ['y'], failed: ['y'] }));
  a.record(hit('getAsset', 410));
  const b = new CoverageLedger();
  b.merge(a.entries());
  b.merge(a.entries());
  assert.deepEqual(
    b.entries().map((e) => [e.status, e.count, e.checks, e.failed]),
    [
      [200, 4, ['x', 'y'], ['y']],
      [410, 2, ['not_a_server_error'], []],
    ],
  );
});

test('parts: every worker writes its own file; the gate reads them all back', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cov-'));
  try {
    const l1 = new CoverageLedger();
    l1.record(hit('getAsset'));
    const l2 = new CoverageLedger();
    l2.record(hit('qgptStream', 101, { source: 'stream' }));
    writePart(dir, { project: 'contract', worker: 'contract-w0-1', entries: l1.entries() });
    writePart(dir, { project: 'stream', worker: 'stream-w1-2', entries: l2.entries() });
    writePart(dir, { project: 'contract', worker: 'contract-w0-1', entries: l1.entries() }); // rewritten, not added
    const { ledger, projects } = mergeParts(readParts(dir));
    assert.deepEqual(projects, ['contract', 'stream']);
    assert.deepEqual(
      ledger.entries().map((e) => [e.operationId, e.count]),
      [
        ['getAsset', 1],
        ['qgptStream', 1],
      ],
    );
    writeFileSync(join(dir, 'broken.json'), '{');
    assert.throws(
      () => readParts(dir),
      (e: unknown) => e instanceof HarnessError && /broken\.json: unreadable coverage part/.test(e.message),
    );
    clearParts(dir);
    assert.deepEqual(readParts(dir), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Gate cases: what was recorded, by which suites, and the verdict. */
const rows: Array<[name: string, hits: CoverageHit[], projects: string[], missing: string[], line: string]> = [
  [
    'every HTTP operation, contract only: WebSocket ones not required',
    http.map((id) => hit(id)),
    ['contract'],
    [],
    '27/28 seed operations, 3/4 neighbours',
  ],
  [
    'stream ran but recorded nothing: WebSocket ones missing',
    http.map((id) => hit(id)),
    ['contract', 'stream'],
    ['qgptStream', 'modelDownloadProgress'],
    '27/28 seed operations, 3/4 neighbours',
  ],
  [
    'a plain GET of a WebSocket operation does not count',
    [...http.map((id) => hit(id)), hit('qgptStream', 200), hit('modelDownloadProgress', 200)],
    ['contract', 'stream'],
    ['qgptStream', 'modelDownloadProgress'],
    '27/28 seed operations, 3/4 neighbours',
  ],
  [
    'stream hits count',
    [
      ...http.map((id) => hit(id)),
      hit('qgptStream', 101, { source: 'stream' }),
      hit('modelDownloadProgress', 101, { source: 'stream' }),
    ],
    ['contract', 'stream'],
    [],
    '28/28 seed operations, 4/4 neighbours',
  ],
  [
    'a request without a response does not exercise',
    http
      .filter((id) => id !== 'getUser')
      .map((id) => hit(id))
      .concat(hit('getUser', 0)),
    ['contract'],
    ['getUser'],
    '26/28 seed operations, 3/4 neighbours',
  ],
  ['nothing ran: nothing required', [], [], [], '0/28 seed operations, 0/4 neighbours'],
];

for (const [name, hits, projects, missing, line] of rows) {
  test(`gate: ${name}`, () => {
    const ledger = new CoverageLedger();
    for (const h of hits) ledger.record(h);
    const s = evaluateCoverage(ops, ledger, projects);
    assert.deepEqual(s.missing, missing);
    assert.equal(s.line, line);
    assert.equal(s.passed, missing.length === 0);
    assert.match(
      gateMessage(s),
      missing.length ? new RegExp(`never exercised: ${missing.join(', ')} \\(`) : /^coverage: /,
    );
  });
}

test('exempt operations (a read-only run) are not required', () => {
  const ledger = new CoverageLedger();
  for (const id of http.filter((id) => id !== 'createAsset' && id !== 'connect')) ledger.record(hit(id));
  const s = evaluateCoverage(ops, ledger, ['contract'], { exempt: new Set(['createAsset', 'connect']) });
  assert.deepEqual(s.missing, []);
  assert.deepEqual(s.skipped, ['createAsset', 'qgptStream', 'modelDownloadProgress', 'connect']);
  assert.equal(s.line, '26/28 seed operations, 2/4 neighbours');
});

test('unknown operations are reported, not counted', () => {
  const ledger = new CoverageLedger();
  ledger.record(hit('qgptStreem', 101, { source: 'stream' }));
  assert.deepEqual(evaluateCoverage(ops, ledger, ['stream']).unknown, ['qgptStreem']);
});

test('reports: coverage.json is the summary; coverage.md has one row per operation with seen and documented statuses', () => {
  const ledger = new CoverageLedger();
  ledger.record(hit('getAsset', 200, { checks: ['status_code_conformance'] }));
  ledger.record(hit('getAsset', 410, { failed: ['not_a_server_error'] }));
  const s = evaluateCoverage(ops, ledger, ['contract']);
  const md = coverageMarkdown(s, { target: 'http://t', contract: 'C 1' });
  assert.match(md, /\*\*1\/28 seed operations, 0\/4 neighbours\*\* — never exercised: getWellKnownHealth/);
  assert.match(
    md,
    /\| getAsset \| `GET \/asset\/\{asset\}` \| 200, 410 \| 200, 400, 410 \| not_a_server_error, status_code_conformance \| not_a_server_error \| 2 \| ✗ failed \|/,
  );
  assert.match(md, /\| qgptStream \(ws\) \| .* \| – suite not run \|/);
  assert.match(md, /\| connect \(neighbour\) \| .* \| ✗ never exercised \|/);
  const dir = mkdtempSync(join(tmpdir(), 'cov-'));
  try {
    const { json } = writeCoverageReports(dir, s, { target: 'http://t' });
    const back = JSON.parse(readFileSync(json, 'utf8'));
    assert.equal(back.line, s.line);
    assert.equal(back.operations.length, 32);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('hitOf: operation, status (0 without response) and media essence (- without body)', () => {
  const base = {
    id: 'x',
    operationId: 'getAsset',
    request: { method: 'GET', url: 'http://h/asset/a', headers: {} },
    startedAt: 0,
    durationMs: 1,
    intent: 'positive' as const,
  };
  assert.deepEqual(
    hitOf(
      {
        ...base,
        response: { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{}' },
      },
      ['c'],
      [],
    ),
    { operationId: 'getAsset', status: 200, media: 'application/json', checks: ['c'], failed: [], source: 'http' },
  );
  assert.equal(hitOf({ ...base, response: { status: 204, headers: {}, body: '' } }, [], [])?.media, '-');
  assert.equal(hitOf({ ...base, error: 'timed out' }, [], [])?.status, 0);
  assert.equal(hitOf({ ...base, operationId: undefined }, [], []), undefined);
});

test('an operation exercised only by refusals is listed apart: a warning in the line and the reports, not a gate failure', () => {
  const ledger = new CoverageLedger();
  for (const id of http.filter((id) => id !== 'createAsset' && id !== 'deleteConversation')) ledger.record(hit(id));
  ledger.record(hit('createAsset', 400));
  ledger.record(hit('createAsset', 413));
  ledger.record(hit('deleteConversation', 204));
  ledger.record(hit('qgptStream', 101, { source: 'stream' }));
  ledger.record(hit('modelDownloadProgress', 200, { source: 'stream' }));
  const s = evaluateCoverage(ops, ledger, ['contract', 'stream']);
  assert.deepEqual(
    s.refusalsOnly,
    ['createAsset', 'modelDownloadProgress'],
    'in contract order; a WebSocket operation needs its 101',
  );
  assert.equal(s.passed, true, 'exercised all the same');
  assert.match(
    gateMessage(s),
    /^coverage: 28\/28 seed operations, 4\/4 neighbours; only refusals seen \(no success answer\) for createAsset, modelDownloadProgress$/,
  );
  const md = coverageMarkdown(s);
  assert.match(
    md,
    /Only refusals seen, no success answer \(the success path was never judged\): createAsset, modelDownloadProgress/,
  );
  assert.match(md, /\| createAsset \| `POST \/assets\/create` \| 400, 413 \| .* \| ⚠ refusals only \|/);
  assert.match(md, /\| deleteConversation \(neighbour\) \| .* \| 204 \| .* \| ✓ \|/);
});
