/**
 * Property: relevance answers scores sorted descending, and of two created assets with the same
 * content the one that also holds every word of the query ranks first (`relevance_sorted`),
 * whatever that content is and whatever else the generated relevance input carries.
 */
import fc from 'fast-check';
import type { Contract } from '../../src/client/index.js';
import { uniqueToken, validRelevanceInput, validSeed } from '../../src/fuzz/index.js';
import { test } from './support/test.js';
import { eventually, waitedOf } from '../fixtures/poll.js';
import { asked } from '../fixtures/data.js';
import { marked, namedSeed, ranked, seedName, seedRaw, testNonce, withId, withRaw, withToken } from './support/data.js';

test.describe('Properties: relevance', { tag: '@property' }, () => {
  test('relevance scores are sorted descending and the asset holding the whole query ranks first', async ({
    api,
    property,
    judge,
    spec,
    safety,
    suiteConfig: { budgets },
  }) => {
    safety.writes();
    const nonce = testNonce();
    const doc = spec.dereferenced;
    const seeds = validSeed({ spec: doc });
    const inputs = validRelevanceInput({ spec: doc });

    await fc.assert(
      fc.asyncProperty(
        seeds,
        seeds,
        uniqueToken(),
        uniqueToken(),
        inputs,
        property.case(async (a, b, x, y, input) => {
          // Both hold the same generated text; `best` also holds both words of the query, `other` only
          // the second one. With equal lengths, any ranking that counts matching words puts `best` first.
          const text = seedRaw(a);
          const bestBody = namedSeed(
            withRaw(a, withToken(text, `${x} ${y}`)),
            marked(nonce, seedName(a)),
          ) as Contract.Seed;
          const otherBody = namedSeed(
            withRaw(b, withToken(text, `${y} ${y.slice(0, -1)}`)),
            marked(nonce, seedName(b)),
          ) as Contract.Seed;
          const best = withId((await api.call('createAsset', { body: bestBody })).data);
          const other = withId((await api.call('createAsset', { body: otherBody })).data);
          if (!best || !other) return;
          const query = `${x} ${y}`;
          const body = {
            ...input,
            query,
            assets: { iterable: [{ id: other.id }, { id: best.id }] },
            options: { ...input.options, database: true },
            ...asked(),
          } as Contract.QGPTRelevanceInput;
          // New assets may reach the index a moment later: ask again within the consistency budget.
          const polled = await eventually(
            budgets,
            () => api.call('qgptRelevance', { body }),
            (r) => !r.data || ranked(r.data).ids.includes(best.id),
          );
          const res = polled.value;
          if (res.data)
            judge('relevance_sorted', {
              operation: 'qgptRelevance',
              query,
              ...ranked(res.data),
              expected: best.id,
              within: budgets.rankWithin,
              ...waitedOf(budgets, polled),
            });
          await api.call('deleteAsset', { path: { asset: best.id } });
          await api.call('deleteAsset', { path: { asset: other.id } });
        }),
      ),
      property.parameters({ runs: 40, deepRuns: 400 }),
    );
  });
});
