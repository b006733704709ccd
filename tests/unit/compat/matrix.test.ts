import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addRow, setCell, staticCell, staticMatrix } from '../../../src/compat/matrix.js';
import type { Change, ContractVersion, Json } from '../../../src/compat/types.js';
import { doc, obj, str } from './fixtures.js';

const v = (id: string, d: Json, refined = false): ContractVersion => ({
  id,
  label: id.toUpperCase(),
  file: `${id}.yaml`,
  date: '2025-01-01',
  origin: '',
  era: 'era',
  sdk: ['sdk 1'],
  pos: '11',
  doc: d,
  ...(refined ? { refined } : {}),
});
const get = (schema: Json, operationId = 'getX'): Json => ({
  get: { operationId, responses: { '200': { description: 'OK', content: { 'application/json': { schema } } } } },
});
const ch = (severity: Change['severity'], message: string, known?: string): Change => ({
  rule: 'r',
  operation: 'o',
  key: 'GET /x',
  location: '',
  severity,
  message,
  ...(known ? { known } : {}),
});

describe('staticCell', () => {
  const cases: Array<{ title: string; changes: Change[]; verdict: string; reason: RegExp }> = [
    { title: 'no change', changes: [], verdict: 'conformant', reason: /^No difference/ },
    {
      title: 'only non-breaking',
      changes: [ch('non-breaking', 'a')],
      verdict: 'conformant',
      reason: /0 breaking, 0 warning, 1 non-breaking/,
    },
    {
      title: 'warning leads with its message',
      changes: [ch('non-breaking', 'a'), ch('warning', 'w1')],
      verdict: 'warning',
      reason: /^w1 \(/,
    },
    {
      title: 'breaking wins over warning',
      changes: [ch('warning', 'w1'), ch('breaking', 'b1'), ch('breaking', 'b2')],
      verdict: 'breaking',
      reason: /^b1 \(2 breaking, 1 warning/,
    },
    {
      title: 'a known difference is the reason',
      changes: [ch('breaking', 'b1'), ch('breaking', 'b2', 'Envelope.')],
      verdict: 'breaking',
      reason: /^Known difference: Envelope\./,
    },
  ];
  for (const c of cases) {
    test(c.title, () => {
      const cell = staticCell(c.changes);
      assert.equal(cell.verdict, c.verdict);
      assert.match(cell.reason ?? '', c.reason);
      assert.equal(cell.source, 'static');
    });
  }
});

describe('staticMatrix', () => {
  const old = v('old', doc({ '/x': get(obj({ a: str(), b: str() })), '/only-old': get(str(), 'getOnlyOld') }));
  const mid = v('mid', doc({ '/x': get(obj({ a: str(), b: str() }, ['a'])) }));
  const ref = v('ref', doc({ '/x': get(obj({ a: str() })), '/y': get(str(), 'getY') }), true);
  const m = staticMatrix([old, mid, ref], { generatedAt: 'T' });

  test('rows: each version, then the reserved SDK row', () => {
    assert.deepEqual(
      m.rows.map((r) => [r.id, r.kind]),
      [
        ['old', 'contract'],
        ['mid', 'contract'],
        ['ref', 'contract'],
        ['sdk-4.1.0', 'sdk'],
      ],
    );
    assert.equal(m.baseline, 'ref');
  });
  test('columns: baseline operations first, then the others', () => {
    assert.deepEqual(
      m.columns.map((c) => c.key),
      ['GET /x', 'GET /y', 'GET /only-old'],
    );
  });
  test('every row has a cell for every column', () => {
    for (const r of m.rows) assert.deepEqual(Object.keys(m.cells[r.id]).sort(), m.columns.map((c) => c.key).sort());
  });
  const cells: Array<[string, string, string, RegExp]> = [
    ['old', 'GET /x', 'breaking', /property b removed/],
    ['mid', 'GET /x', 'breaking', /property b removed/],
    ['old', 'GET /y', 'not-exercised', /OLD does not define GET \/y/],
    ['old', 'GET /only-old', 'breaking', /operation GET \/only-old removed/],
    ['ref', 'GET /x', 'conformant', /Baseline/],
    ['ref', 'GET /only-old', 'not-exercised', /REF does not define/],
    ['sdk-4.1.0', 'GET /x', 'not-exercised', /No SDK smoke run/],
  ];
  for (const [row, key, verdict, reason] of cells) {
    test(`cell ${row} × ${key} is ${verdict}`, () => {
      assert.equal(m.cells[row][key].verdict, verdict);
      assert.match(m.cells[row][key].reason ?? '', reason);
    });
  }
  test('pairs are compareAll pairs', () =>
    assert.deepEqual(
      m.pairs.map((p) => `${p.from}->${p.to}`),
      ['old->mid', 'mid->ref', 'old->ref'],
    ));

  test('setCell keeps the static verdict it replaces; refuses unknown rows and columns', () => {
    const mm = staticMatrix([old, ref], { sdkRow: false });
    setCell(mm, 'old', 'GET /x', { verdict: 'conformant', source: 'live' });
    assert.deepEqual(mm.cells.old['GET /x'].static?.verdict, 'breaking');
    setCell(mm, 'old', 'GET /x', { verdict: 'not-conformant', reason: 'r', source: 'live' });
    assert.equal(mm.cells.old['GET /x'].static?.verdict, 'breaking');
    assert.throws(() => setCell(mm, 'nope', 'GET /x', { verdict: 'conformant' }), /Unknown matrix row "nope"/);
    assert.throws(() => setCell(mm, 'old', 'GET /z', { verdict: 'conformant' }), /Unknown matrix column/);
  });

  test('addRow fills unmentioned columns with not-exercised and replaces a row of the same id', () => {
    const mm = staticMatrix([old, ref], { sdkRow: false });
    addRow(mm, { id: 'sdk', label: 'SDK', kind: 'sdk' }, { 'GET /x': { verdict: 'conformant', source: 'sdk' } });
    addRow(mm, { id: 'sdk', label: 'SDK 2', kind: 'sdk' }, { 'GET /x': { verdict: 'not-conformant', source: 'sdk' } });
    assert.deepEqual(
      mm.rows.map((r) => r.label),
      ['OLD', 'REF', 'SDK 2'],
    );
    assert.equal(mm.cells.sdk['GET /y'].verdict, 'not-exercised');
    assert.equal(mm.cells.sdk['GET /x'].verdict, 'not-conformant');
  });
});
