import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { compareAll, comparedPairs, compareVersions, countChanges } from '../../../src/compat/compare.js';
import type { Change, Json, PairChanges } from '../../../src/compat/types.js';
import { loadVersions } from '../../../src/compat/versions.js';
import { doc, obj, responds, str, version } from './fixtures.js';

describe('compareVersions / compareAll on hand-made specs', () => {
  test('identical documents give no change', () => {
    const d = responds(obj({ a: str() }, ['a']));
    assert.deepEqual(compareVersions(d, structuredClone(d)), []);
  });

  test('an x-pieces-upstream note on the new response explains top-level changes only', () => {
    const oldDoc = responds(obj({ results: obj({ deep: str() }) }, ['results']));
    const newDoc = responds(obj({ iterable: { type: 'array' }, results: obj({}) }));
    const r200 = ((newDoc.paths as Json)['/things'] as Json).get as Json;
    ((r200.responses as Json)['200'] as Json)['x-pieces-upstream'] = { note: 'Envelope\n  differs.' };
    const changes = compareVersions(oldDoc, newDoc);
    const byRule = (rule: string): Change | undefined => changes.find((c) => c.rule === rule);
    assert.equal(byRule('response-property-no-longer-required')?.known, 'Envelope differs.');
    assert.equal(byRule('response-property-removed')?.location.endsWith('/results/properties/deep'), true);
    assert.equal(byRule('response-property-removed')?.known, undefined);
  });

  test('notes passed in apply to pairs whose documents carry none', () => {
    const notes = new Map([['GET /things /responses/200', 'known']]);
    const changes = compareVersions(responds(obj({ a: str() })), responds(obj({})), { notes });
    assert.deepEqual(
      changes.map((c) => c.known),
      ['known'],
    );
  });

  test('countChanges counts per severity', () => {
    const c = (severity: Change['severity']): Change => ({
      rule: 'r',
      operation: 'o',
      key: 'k',
      location: '',
      severity,
      message: '',
    });
    assert.deepEqual(countChanges([c('breaking'), c('warning'), c('breaking')]), {
      breaking: 2,
      warning: 1,
      'non-breaking': 0,
    });
  });

  const pairCases: Array<{ title: string; ids: Array<[string, boolean]>; expect: string[] }> = [
    {
      title: 'consecutive, then each with the refined one',
      ids: [
        ['a', false],
        ['b', false],
        ['c', false],
        ['r', true],
      ],
      expect: ['a->b', 'b->c', 'c->r', 'a->r', 'b->r'],
    },
    {
      title: 'refined in the middle',
      ids: [
        ['a', false],
        ['r', true],
        ['b', false],
      ],
      expect: ['a->r', 'r->b', 'b->r'],
    },
    {
      title: 'no refined version',
      ids: [
        ['a', false],
        ['b', false],
      ],
      expect: ['a->b'],
    },
  ];
  for (const c of pairCases) {
    test(`comparedPairs: ${c.title}`, () => {
      const vs = c.ids.map(([id, refined]) => version(id, doc({}), refined));
      assert.deepEqual(
        comparedPairs(vs).map(([x, y]) => `${x.id}->${y.id}`),
        c.expect,
      );
    });
  }
});

describe('compareAll on the project contract versions', () => {
  let pairs: PairChanges[];
  before(async () => {
    pairs = compareAll(await loadVersions());
  });
  const pair = (from: string, to: string): PairChanges => {
    const p = pairs.find((x) => x.from === from && x.to === to);
    assert.ok(p, `${from}->${to} compared`);
    return p;
  };
  const known = (p: PairChanges, operation: string): Change[] =>
    p.changes.filter((c) => c.operation === operation && c.known);

  test('runs the four consecutive pairs and the three other pairs with refined', () => {
    assert.deepEqual(
      pairs.map((p) => `${p.from}->${p.to}`),
      [
        'seed->upstream-2024-09',
        'upstream-2024-09->upstream-2025-01',
        'upstream-2025-01->upstream-2025-02',
        'upstream-2025-02->refined',
        'seed->refined',
        'upstream-2024-09->refined',
        'upstream-2025-01->refined',
      ],
    );
  });

  const envelopes: Array<{ from: string; to: string; operation: string; rule: string; prop: string; note: RegExp }> = [
    {
      from: 'seed',
      to: 'upstream-2024-09',
      operation: 'searchAssets',
      rule: 'response-property-removed',
      prop: 'iterable',
      note: /\{results: SearchedAssets\}/,
    },
    {
      from: 'seed',
      to: 'upstream-2024-09',
      operation: 'qgptRelevance',
      rule: 'response-property-removed',
      prop: 'iterable',
      note: /\{relevant: \{iterable/,
    },
    {
      from: 'seed',
      to: 'upstream-2024-09',
      operation: 'getUser',
      rule: 'response-property-removed',
      prop: 'id',
      note: /\{user\?: UserProfile\}/,
    },
  ];
  for (const e of envelopes) {
    test(`known difference ${e.operation} shows in ${e.from}->${e.to} with its reason`, () => {
      const hit = known(pair(e.from, e.to), e.operation).find(
        (c) => c.rule === e.rule && c.location.endsWith(`/schema/properties/${e.prop}`),
      );
      assert.ok(hit, `${e.rule} on ${e.prop}`);
      assert.equal(hit.severity, 'breaking');
      assert.match(hit.known ?? '', e.note);
    });
  }

  test('the refined contract answers the upstream envelopes: upstream-2025-02 -> refined changes none of them', () => {
    const envelope = /^\/responses\/200\/content\/application~1json\/schema(\/properties\/[^/]+)?(\/[a-z]+)?$/i;
    const changed = pair('upstream-2025-02', 'refined').changes.filter(
      (c) => ['searchAssets', 'qgptRelevance', 'getUser'].includes(c.operation) && envelope.test(c.location),
    );
    assert.deepEqual(
      changed.map((c) => `${c.rule} ${c.operation} ${c.location}`),
      [],
    );
  });

  test('the two 2025 upstream documents differ only by package_activities', () => {
    const p = pair('upstream-2025-01', 'upstream-2025-02');
    assert.deepEqual(
      p.changes.map((c) => `${c.rule} ${c.operation} ${c.location}`),
      [
        'parameter-added getAsset /parameters/query/package_activities',
        'parameter-added getFormat /parameters/query/package_activities',
      ],
    );
  });

  test('2024-09 -> 2025-01 widens response enums (UNKNOWN) and adds no operation', () => {
    const p = pair('upstream-2024-09', 'upstream-2025-01');
    assert.ok(p.changes.some((c) => c.rule === 'response-enum-widened' && /UNKNOWN/.test(c.message)));
    assert.equal(p.changes.filter((c) => c.rule.startsWith('operation-')).length, 0);
  });
});
