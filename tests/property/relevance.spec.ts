/**
 * Property: relevance answers scores sorted descending, and of two created assets the one holding
 * every word of the query ranks first (`relevance_sorted`), whatever the content around the words
 * and whatever else the generated relevance input carries.
 */
import fc from 'fast-check';
import type { Contract } from '../../src/client/index.js';
import { uniqueToken, validRelevanceInput, validSeed } from '../../src/fuzz/index.js';
import { test } from './support/test.js';
import { marked, namedSeed, ranked, seedName, seedRaw, testNonce, withId, withRaw, withToken } from './support/data.js';

test.describe('Properties: relevance', { tag: '@property' }, () => {
  test('relevance scores are sorted descending and the asset holding the whole query ranks first', async ({ api, probe, spec, safety }) => {
    safety.writes();
    const nonce = testNonce();
    const doc = spec.dereferenced;
    const seeds = validSeed({ spec: doc });
    const inputs = validRelevanceInput({ spec: doc });

    await fc.assert(fc.asyncProperty(seeds, seeds, uniqueToken(), uniqueToken(), inputs, probe.case(async (a, b, x, y, input) => {
      // `best` holds both words of the query, `other` only the second one.
      const bestBody = namedSeed(withRaw(a, withToken(seedRaw(a), `${x} ${y}`)), marked(nonce, seedName(a))) as Contract.Seed;
      const otherBody = namedSeed(withRaw(b, withToken(seedRaw(b), y)), marked(nonce, seedName(b))) as Contract.Seed;
      const best = withId((await api.call('createAsset', { body: bestBody })).data);
      const other = withId((await api.call('createAsset', { body: otherBody })).data);
      if (!best || !other) return;
      const query = `${x} ${y}`;
      const body = { ...input, query, assets: { iterable: [{ id: other.id }, { id: best.id }] }, options: { ...input.options, database: true } } as Contract.QGPTRelevanceInput;
      const res = await api.call('qgptRelevance', { body });
      if (res.data) probe.judge('relevance_sorted', { operation: 'qgptRelevance', query, ...ranked(res.data), expected: best.id, within: 1 });
      await api.call('deleteAsset', { path: { asset: best.id } });
      await api.call('deleteAsset', { path: { asset: other.id } });
    })), probe.parameters({ runs: 40, deepRuns: 400 }));
  });
});
