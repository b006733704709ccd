/**
 * QGPT over REST: relevance ranks the asset whose distinctive content is asked for (scores sorted,
 * most relevant first); a question answers non-empty, scored answers (also with no relevant
 * snippets); relevance with `options.question` answers too; reprompt rewrites a follow-up.
 * The streamed form (/qgpt/stream) is the stream suite's.
 */
import { test, expect } from '../fixtures/index.js';
import { asked, distinctiveToken, markedName, seed } from '../fixtures/data.js';
import { must } from '../fixtures/must.js';
import { eventually, waitedOf } from '../fixtures/poll.js';
import { rankedOf as ranked, relevanceAnswerOf } from '../../src/client/envelopes.js';

test.describe('QGPT', { tag: '@QGPT' }, () => {
  test('relevance ranks the asset holding the distinctive content first, scores descending', async ({
    api,
    judge,
    safety,
    suiteConfig: { budgets },
  }) => {
    safety.writes();
    const [x, y] = [distinctiveToken(), distinctiveToken()];
    const best = must(
      await api.call('createAsset', {
        body: seed(markedName('relevant'), `function ${x}() {\n  return ${y}(${x});\n}\n`),
      }),
      'the relevance test',
    );
    const other = must(
      await api.call('createAsset', {
        body: seed(markedName('less-relevant'), `const ${y} = (v) => v; // unrelated helper\n`),
      }),
      'the relevance test',
    );
    const query = `${x} ${y}`;
    // New assets may reach the index a moment later: ask again within the consistency budget.
    const polled = await eventually(
      budgets,
      () =>
        api.call('qgptRelevance', {
          body: {
            query,
            assets: { iterable: [{ id: other.id }, { id: best.id }] },
            options: { database: true },
            ...asked(),
          },
        }),
      (r) => [best.id, other.id].every((id) => ranked(r.data ?? {}).ids.includes(id)),
    );
    const out = must(polled.value, 'the relevance test');
    judge('relevance_sorted', {
      operation: 'qgptRelevance',
      query,
      ...ranked(out),
      expected: best.id,
      within: budgets.rankWithin,
      ...waitedOf(budgets, polled),
    });
    expect.soft(ranked(out).ids, 'both candidate assets match the query').toContain(other.id);
  });

  test('relevance with options.question also answers the question', async ({
    api,
    judge,
    safety,
    suiteConfig: { budgets },
  }) => {
    safety.writes();
    const x = distinctiveToken();
    const asset = must(
      await api.call('createAsset', {
        body: seed(markedName('relevance-question'), `def ${x}(items):\n    return sorted(items)\n`, 'py'),
      }),
      'the test',
    );
    const query = `what does ${x} do?`;
    const polled = await eventually(
      budgets,
      () =>
        api.call('qgptRelevance', {
          body: { query, assets: { iterable: [{ id: asset.id }] }, options: { question: true }, ...asked() },
        }),
      (r) => ranked(r.data ?? {}).ids.includes(asset.id),
    );
    const out = must(polled.value, 'the test');
    judge('relevance_sorted', {
      operation: 'qgptRelevance',
      query,
      ...ranked(out),
      expected: asset.id,
      within: budgets.rankWithin,
      ...waitedOf(budgets, polled),
    });
    expect
      .soft(
        relevanceAnswerOf(out)?.answers.iterable.length ?? 0,
        'qgptRelevance with options.question answers the question',
      )
      .toBeGreaterThan(0);
  });

  test('a question grounded in relevant snippets answers non-empty, scored answers', async ({ api, safety }) => {
    safety.prompts();
    const x = distinctiveToken();
    const relevant = {
      iterable: [{ seed: seed(markedName('question'), `function ${x}(a, b) { return a + b; }\n`, 'js'), score: 1 }],
    };
    const out = must(
      await api.call('qgptQuestion', {
        body: { query: `How do I call ${x}?`, relevant, ...asked() },
      }),
      'the question test',
    );
    expect(out.answers.iterable.length, 'qgptQuestion answers at least one answer').toBeGreaterThan(0);
    for (const a of out.answers.iterable) expect.soft(a.text.trim().length, 'every answer has text').toBeGreaterThan(0);
  });

  test('a question without relevant snippets is still answered', async ({ api, safety }) => {
    safety.prompts();
    const out = must(
      await api.call('qgptQuestion', {
        body: { query: 'How do I reverse a list in Python?', relevant: { iterable: [] }, ...asked() },
      }),
      'the question test',
    );
    expect(out.answers.iterable.length, 'qgptQuestion answers at least one answer').toBeGreaterThan(0);
  });

  test('reprompt rewrites a follow-up into a standalone query', async ({ api, safety }) => {
    safety.prompts();
    const timestamp = { value: new Date().toISOString() };
    const conversation = {
      iterable: [
        { text: 'How do I reverse a list in Python?', role: 'USER' as const, timestamp },
        { text: 'Use list.reverse() or reversed(list).', role: 'ASSISTANT' as const, timestamp },
      ],
    };
    const out = must(
      await api.call('qgptReprompt', { body: { query: 'and in JavaScript?', conversation, ...asked() } }),
      'the reprompt test',
    );
    expect(out.query.trim().length, 'qgptReprompt answers a non-empty query').toBeGreaterThan(0);
  });
});
