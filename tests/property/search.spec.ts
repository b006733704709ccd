/**
 * Properties of search and relevance: any query (search-engine and SQL metacharacters, unicode)
 * is answered with a schema-valid 2xx, never a 5xx (the exchange checks), with relevance scores
 * most relevant first; and the unique token of a created asset finds that asset.
 */
import fc from 'fast-check';
import type { Contract } from '../../src/client/index.js';
import { searchQuery, uniqueToken, validRelevanceInput, validSearchInput, validSeed } from '../../src/fuzz/index.js';
import { must } from '../fixtures/must.js';
import { asked, seed as fixedSeed } from '../fixtures/data.js';
import { test } from './support/test.js';
import { searchUntilFound } from '../fixtures/poll.js';
import { marked, namedSeed, ranked, seedName, seedRaw, testNonce, withId, withRaw, withToken } from './support/data.js';

// Snippets built from the words searchQuery() draws, so that generated queries find something
// and relevance has scores to order.
const CORPUS = [
  'function useEffect(hook) { return react.async(await hook); }',
  'docker compose up; SELECT * FROM error WHERE pointer IS NULL;',
  'fn lifetime<a>(rust: &a str) -> list { python.comprehension(map) }',
  'git rebase -i; how to sort and map or not',
];

test.describe('Properties: search and relevance', { tag: '@property' }, () => {
  test('search and relevance answer any query with a schema-valid 2xx, scores most relevant first', async ({
    api,
    property,
    judge,
    spec,
    suiteConfig,
  }) => {
    if (!suiteConfig.readonly) {
      const nonce = testNonce();
      for (const [i, text] of CORPUS.entries())
        must(
          await api.call('createAsset', { body: fixedSeed(marked(nonce, `corpus ${i}`), text) }),
          'the search corpus',
        );
    }
    const doc = spec.dereferenced;
    const searches = validSearchInput({ spec: doc, query: searchQuery() });
    const relevances = validRelevanceInput({ spec: doc, query: searchQuery({ allowEmpty: false }) });

    await fc.assert(
      fc.asyncProperty(
        searches,
        relevances,
        property.case(async (search, relevance) => {
          await api.call('searchAssets', {
            body: search as Contract.AssetsSearchWithFiltersInput,
            query: { transferables: false },
          });
          // Relevance is a prompt (with options.question it asks a model): never in a read-only run.
          if (suiteConfig.readonly) return;
          const res = await api.call('qgptRelevance', {
            body: { ...relevance, ...asked() } as Contract.QGPTRelevanceInput,
          });
          if (res.data)
            judge('relevance_sorted', {
              operation: 'qgptRelevance',
              query: String(relevance.query),
              ...ranked(res.data),
            });
        }),
      ),
      property.parameters({ runs: 100, deepRuns: 1000 }),
    );
  });

  test('the unique token of a created asset finds that asset', async ({
    api,
    property,
    judge,
    spec,
    safety,
    suiteConfig: { budgets },
  }) => {
    safety.writes();
    const nonce = testNonce();
    const seeds = validSeed({ spec: spec.dereferenced });
    const casing = fc.option(fc.boolean(), { nil: undefined });

    await fc.assert(
      fc.asyncProperty(
        seeds,
        uniqueToken(),
        casing,
        property.case(async (generated, token, caseSensitive) => {
          // The token sits in the content only (never in the name): only a content search finds it.
          const body = namedSeed(
            withRaw(generated, withToken(seedRaw(generated), token)),
            marked(nonce, seedName(generated)),
          ) as Contract.Seed;
          const id = withId((await api.call('createAsset', { body })).data)?.id;
          if (!id) return; // refused or unreadable: the exchange checks have judged it
          // The search index may lag the write: found within the consistency budget.
          const found = await searchUntilFound(
            api,
            budgets,
            id,
            { query: token, ...(caseSensitive === undefined ? {} : { casing: caseSensitive }) },
            { transferables: false },
          );
          judge('search_finds_created', { operation: 'searchAssets', query: token, id, ...found });
          await api.call('deleteAsset', { path: { asset: id } });
        }),
      ),
      property.parameters({ runs: 60, deepRuns: 600 }),
    );
  });
});
