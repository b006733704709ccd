/**
 * The checks of consistency with writes: listings that agree with themselves, search after deletes
 * and renames, updates that keep what they did not change, deletes without collateral damage.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkNamed, type CheckNameOfKind, type CheckSubjects } from '../../../src/checks/registry.js';
import type { Check } from '../../../src/checks/types.js';
import { ctxFor, exchange } from './helpers.js';

type Scenario = 'search_reflects_writes' | 'update_invariants' | 'no_collateral_damage';
type Row = { [N in Scenario]: [N, string, CheckSubjects[N], RegExp[]] }[Scenario];

const asset = (over: Record<string, unknown> = {}) => ({
  id: 'a',
  name: 'n',
  created: { value: '2026-01-01T00:00:00.000Z' },
  updated: { value: '2026-01-01T00:00:00.000Z' },
  original: { reference: { fragment: { string: { raw: 'x' } }, classification: { specific: 'ts' } } },
  formats: { iterable: [{ id: 'f' }] },
  tags: { iterable: [{ id: 't', text: 'keep' }] },
  ...over,
});
const later = { value: '2026-01-01T00:00:01.000Z' };
const search = { operation: 'searchAssets', id: 'a', query: 'q' };
const okRead = exchange({ op: 'getAsset', body: {} });
const goneRead = exchange({ op: 'getAsset', status: 410, contentType: 'text/plain', body: 'gone' });
const del = { operation: 'deleteAsset', deletedBy: 'deleteAsset', deleted: 'a', sibling: 'b' };

const rows: Row[] = [
  [
    'search_reflects_writes',
    'deleted and gone',
    { ...search, after: 'deleteAsset', expect: 'absent', found: ['b'] },
    [],
  ],
  [
    'search_reflects_writes',
    'deleted, still found',
    { ...search, after: 'deleteAsset', expect: 'absent', found: ['a'], waitedMs: 2000 },
    [/^query "q" still found a after deleteAsset \(waited 2000 ms\)$/],
  ],
  ['search_reflects_writes', 'renamed, found', { ...search, after: 'updateAsset', expect: 'found', found: ['a'] }, []],
  [
    'search_reflects_writes',
    'renamed, missed',
    { ...search, after: 'updateAsset (renamed)', expect: 'found', found: [] },
    [/^query "q" did not find a after updateAsset \(renamed\)$/],
  ],
  [
    'update_invariants',
    'renamed only',
    {
      operation: 'updateAsset',
      id: 'a',
      readBy: 'getAsset',
      changed: ['name'],
      before: asset(),
      after: asset({ name: 'm', updated: later }),
    },
    [],
  ],
  [
    'update_invariants',
    'created rewritten, updated still',
    {
      operation: 'updateAsset',
      id: 'a',
      readBy: 'getAsset',
      changed: [],
      before: asset(),
      after: asset({ created: later }),
    },
    [
      /^a as getAsset answered it: created "2026-01-01T00:00:00\.000Z" → "2026-01-01T00:00:01\.000Z"$/,
      /updated did not move forward/,
    ],
  ],
  [
    'update_invariants',
    'content and tags lost, id changed',
    {
      operation: 'updateAsset',
      id: 'a',
      readBy: 'getAsset',
      changed: ['name'],
      before: asset(),
      after: asset({
        id: 'z',
        updated: later,
        original: { reference: { classification: { specific: 'ts' } } },
        tags: { iterable: [] },
      }),
    },
    [
      /id "a" → "z"/,
      /content \(not changed by the request\) "x" → undefined/,
      /tags \(not changed by the request\) \["keep"\] → \[\]/,
    ],
  ],
  [
    'update_invariants',
    'no read after: not judged',
    { operation: 'updateAsset', id: 'a', readBy: 'getAsset', changed: [], before: asset(), after: undefined },
    [],
  ],
  ['no_collateral_damage', 'sibling intact', { ...del, read: okRead, before: { name: 'n' }, after: { name: 'n' } }, []],
  ['no_collateral_damage', 'sibling read, nothing compared', { ...del, read: okRead }, []],
  [
    'no_collateral_damage',
    'sibling gone',
    { ...del, read: goneRead },
    [/^b is gone after deleteAsset of a: GET \/asset\/\{asset\} answered 410$/],
  ],
  [
    'no_collateral_damage',
    'sibling changed',
    { ...del, read: okRead, before: { name: 'n' }, after: { name: 'm' } },
    [/^b changed after deleteAsset of a: name: "n" → "m"$/],
  ],
];

for (const [name, label, facts, expected] of rows) {
  test(`${name}: ${label}`, () => {
    const check = checkNamed(name) as Check<unknown>;
    const ctx = ctxFor(undefined);
    const failures = check.applies(facts, ctx) ? check.run(facts, ctx) : [];
    assert.equal(failures.length, expected.length, failures.map((f) => f.message).join('\n'));
    failures.forEach((f, i) => {
      assert.equal(f.check, name);
      assert.equal(f.operation, (facts as any).operation);
      assert.match(f.facts, expected[i]);
    });
  });
}

/** listing_consistent on an answer of `op`: the facts lines it reports. */
function listing(op: string, body: unknown): string[] {
  const check = checkNamed('listing_consistent' satisfies CheckNameOfKind<'exchange'>);
  const ex = exchange({ op, body });
  const ctx = ctxFor(op);
  return check.applies(ex, ctx) ? check.run(ex, ctx).map((f) => f.facts) : [];
}

test('listing_consistent: a consistent snapshot, messages list and search pass', () => {
  assert.deepEqual(listing('getAssetsSnapshot', { iterable: [{ id: 'a' }, { id: 'b' }] }), []);
  assert.deepEqual(
    listing('getConversationMessages', { iterable: [{ id: 'm1' }, { id: 'm2' }], indices: { m1: 0, m2: 1 } }),
    [],
  );
  const results = {
    iterable: [
      { identifier: 'a', exact: true },
      { identifier: 'b', exact: false },
    ],
    exact: 1,
    suggested: 1,
  };
  assert.deepEqual(listing('searchAssets', { results }), []);
});

test('listing_consistent: an id listed twice, nested lists included', () => {
  assert.deepEqual(listing('getAssetsSnapshot', { iterable: [{ id: 'a' }, { id: 'b' }, { id: 'a' }] }), [
    'iterable lists a twice (at 0 and 2)',
  ]);
  assert.deepEqual(
    listing('getAssetsSnapshot', { iterable: [{ id: 'a', formats: { iterable: [{ id: 'f' }, { id: 'f' }] } }] }),
    ['iterable[0].formats.iterable lists f twice (at 0 and 1)'],
  );
});

test('listing_consistent: indices that disagree with iterable', () => {
  assert.deepEqual(
    listing('getConversationMessages', { iterable: [{ id: 'm1' }, { id: 'm2' }], indices: { m1: 1, x: 0 } }),
    [
      'indices[m1] is 1 but iterable holds it at 0',
      'indices names x, which iterable does not hold',
      'iterable holds m2, which indices does not name',
    ],
  );
});

test('listing_consistent: search counts that do not add up', () => {
  const iterable = [
    { identifier: 'a', exact: true },
    { identifier: 'b', exact: false },
  ];
  assert.deepEqual(listing('searchAssets', { results: { iterable, exact: 2, suggested: 0 } }), [
    'results.exact is 2 but 1 results are marked exact',
  ]);
  assert.deepEqual(listing('searchAssets', { results: { iterable, exact: 1, suggested: 3 } }), [
    'results.exact 1 + suggested 3 = 4 but iterable holds 2 results',
  ]);
});

test('listing_consistent: refusals, non-JSON and list-free answers are not judged', () => {
  assert.deepEqual(listing('getUser', { user: { id: 'u' } }), []);
  const check = checkNamed('listing_consistent');
  const refused = exchange({ op: 'getAsset', status: 410, contentType: 'text/plain', body: '{"iterable":[1,1]}' });
  assert.deepEqual(check.run(refused, ctxFor('getAsset')), []);
});
