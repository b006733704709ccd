/** Emulator search (POST /assets/search) and formats: FTS5 ranking, safe queries, real envelope. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { after, before, describe, test } from 'node:test';
import { SEARCH_METACHARACTERS } from '../../../src/fuzz/domain/query.js';
import { assertConforms, call, createAsset, makeEmulator, type TestEmulator } from './helpers.js';

describe('emulator search and formats', () => {
  let em: TestEmulator;
  const ids: Record<string, string> = {};
  before(async () => {
    em = await makeEmulator();
    ids.sort = (await createAsset(em, 'function quicksort(xs) { return xs.sort(); }', { name: 'Quicksort helper' })).id;
    ids.fetch = (await createAsset(em, 'const r = await fetch(url); // zqxjtoken', { name: 'Fetch wrapper' })).id;
    ids.emoji = (await createAsset(em, 'rocket 🚀 launch', { name: 'Emoji note' })).id;
    ids.upper = (await createAsset(em, 'CamelCaseWord inside', { name: 'Casing' })).id;
    for (let i = 0; i < 20; i++) await createAsset(em, `filler text number ${i} about sorting lists`);
  });
  after(async () => {
    await em.close();
  });

  const search = (body: unknown) => call(em, 'POST', '/assets/search', { body });

  test('a unique content token finds its asset, first, as an exact match', async () => {
    const r = await search({ query: 'zqxjtoken' });
    assertConforms('searchAssets', r);
    assert.equal(r.json.results.iterable[0].identifier, ids.fetch);
    assert.equal(r.json.results.iterable[0].exact, true);
    assert.equal(r.json.results.iterable[0].match, 'CONTENT');
    assert.equal(r.json.results.iterable[0].asset.id, ids.fetch);
  });

  test('a name token finds its asset with match TITLE', async () => {
    const r = await search({ query: 'Quicksort' });
    assert.equal(r.json.results.iterable[0].identifier, ids.sort);
    assert.ok(['TITLE', 'MULTIPLE'].includes(r.json.results.iterable[0].match));
  });

  test('the body is the real {results} envelope: each match with its asset, counts, scores sorted', async () => {
    const r = await search({ query: 'sorting' });
    assert.deepEqual(Object.keys(r.json), ['results']);
    const { results } = r.json;
    assert.ok(results.iterable.length > 1);
    for (const h of results.iterable) assert.equal(h.asset.id, h.identifier);
    assert.equal(results.exact + results.suggested, results.iterable.length);
    const scores = results.iterable.map((h: any) => h.score);
    assert.deepEqual(
      scores,
      [...scores].sort((a: number, b: number) => b - a),
    );
    assert.ok(scores.every((s: number) => s >= 0 && s <= 1));
  });

  test('with seedEnvelopes the body also carries the seed form: the same matches, without the assets', async () => {
    const seeded = await makeEmulator({ seedEnvelopes: true });
    try {
      for (let i = 0; i < 3; i++) await createAsset(seeded, `filler text number ${i} about sorting lists`);
      const r = await call(seeded, 'POST', '/assets/search', { body: { query: 'sorting' } });
      assert.ok(r.json.results.iterable.length > 0);
      const withoutAsset = r.json.results.iterable.map(({ asset: _a, ...head }: any) => head);
      assert.deepEqual(
        { ...r.json.results, iterable: withoutAsset },
        { iterable: r.json.iterable, suggested: r.json.suggested, exact: r.json.exact },
      );
    } finally {
      await seeded.close();
    }
  });

  test('emoji-only and punctuation queries fall back to a literal scan', async () => {
    const r = await search({ query: '🚀' });
    assert.deepEqual(
      r.json.results.iterable.map((h: any) => h.identifier),
      [ids.emoji],
    );
  });

  test('casing: true matches case-sensitively', async () => {
    assert.equal((await search({ query: 'camelcaseword' })).json.results.iterable.length, 1);
    assert.equal((await search({ query: 'camelcaseword', casing: true })).json.results.iterable.length, 0);
    assert.equal((await search({ query: 'CamelCaseWord', casing: true })).json.results.iterable.length, 1);
  });

  test('a classification filter narrows the results; filters alone list matching assets', async () => {
    const py = await createAsset(em, 'def sorting_in_python(): pass', { ext: 'py' });
    const r = await search({ query: 'sorting', filters: { iterable: [{ classification: 'py' }] } });
    assert.deepEqual(
      r.json.results.iterable.map((h: any) => h.identifier),
      [py.id],
    );
    const only = await search({ filters: { iterable: [{ classification: 'py' }] } });
    assert.deepEqual(
      only.json.results.iterable.map((h: any) => h.identifier),
      [py.id],
    );
  });

  test('an empty query finds nothing and is not an error', async () => {
    const r = await search({});
    assertConforms('searchAssets', r);
    assert.equal(r.json.results.iterable.length, 0);
  });

  // FTS5 syntax in user text must never reach the parser as syntax.
  const hostile = [
    '"',
    '""',
    '"unbalanced',
    '*',
    'sort*',
    '(',
    ')',
    '(sort',
    'name:sort',
    ':',
    '^',
    '^sort',
    'NEAR',
    'NEAR(sort fetch)',
    'AND',
    'OR',
    'NOT',
    'sort AND',
    'OR sort',
    '%',
    '_',
    '\\',
    "'",
    "''",
    '{name}: x',
    '-sort',
    '+',
    'a\u0000b',
    '\u0000',
    '   ',
    'sort OR "x" AND (y:z)',
    'x'.repeat(5000),
    '🚀"*(',
    'SELECT * FROM assets; --',
  ];
  for (const q of hostile) {
    test(`query ${JSON.stringify(q.slice(0, 30))} answers 200 with a conforming body`, async () => {
      const r = await search({ query: q });
      assert.equal(r.status, 200, r.text);
      assertConforms('searchAssets', r);
    });
  }

  test('any string as a query answers 200, never 5xx (property)', async () => {
    const special = fc.constantFrom(...SEARCH_METACHARACTERS, ' ');
    const query = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.array(fc.oneof(special, fc.string({ maxLength: 4 })), { maxLength: 12 }).map((a) => a.join('')),
    );
    await fc.assert(
      fc.asyncProperty(query, fc.boolean(), async (q, casing) => {
        const r = await search({ query: q, casing });
        assert.equal(r.status, 200, `${JSON.stringify(q)}: ${r.text}`);
      }),
      { numRuns: 200 },
    );
  });

  test('wrong types in the search body are 400 naming the field', async () => {
    const r = await search({ query: 42 });
    assert.equal(r.status, 400);
    assert.match(r.text, /'query'/);
    const f = await search({ query: 'x', filters: { iterable: [{ classification: 'nope' }] } });
    assert.equal(f.status, 400);
    assert.match(f.text, /filters\.iterable\.0\.classification/);
  });

  test('formats: the snapshot holds every asset format, one format reads by id', async () => {
    const snap = await call(em, 'GET', '/formats');
    assertConforms('getFormatsSnapshot', snap);
    assert.ok(snap.json.iterable.some((f: any) => f.asset.id === ids.sort));
    const asset = (await call(em, 'GET', `/asset/${ids.sort}`)).json;
    const one = await call(em, 'GET', `/format/${asset.original.id}`);
    assertConforms('getFormat', one);
    assert.equal(one.json.id, asset.original.id);
    assert.equal(one.json.asset.id, ids.sort);
    const gone = await call(em, 'GET', '/format/no-such-format');
    assert.equal(gone.status, 410);
    assertConforms('getFormat', gone);
  });
});
