/**
 * Consistency with writes, as a user who lost data would ask for it: search forgets a deleted asset
 * and follows a rename (within a bounded wait), listings agree with themselves after updates
 * (listing_consistent judges every answer), an update changes only what it was asked to, deleting
 * one asset or conversation leaves its namesake intact, and a conversation a streamed question
 * started is listed like one created over REST.
 */
import { test } from '../fixtures/index.js';
import { asked, distinctiveToken, markedName, seed, seededConversation } from '../fixtures/data.js';
import { must } from '../fixtures/must.js';
import { assetFingerprint, conversationFingerprint, searchUntil } from '../fixtures/consistency.js';
import { StreamSession } from '../../src/stream/index.js';
import { firstConversationOf } from '../../src/stream/frames.js';

test.describe('Consistency: assets', { tag: '@Assets' }, () => {
  test('deleting an asset removes it from search and leaves its namesake intact', async ({
    api,
    judge,
    safety,
    suiteConfig: { budgets },
  }) => {
    safety.writes();
    const name = markedName('namesake');
    const [token, siblingToken] = [distinctiveToken(), distinctiveToken()];
    const doomed = must(
      await api.call('createAsset', { body: seed(name, `const ${token} = 1;\n`) }),
      'the delete test',
    );
    const sibling = must(
      await api.call('createAsset', {
        body: seed(name, `const ${siblingToken} = 2;\n`),
        query: { transferables: true },
      }),
      'the delete test',
    );
    const before = await api.call('getAsset', { path: { asset: sibling.id }, query: { transferables: true } });
    await searchUntil(api, budgets, token, doomed.id, 'found');

    must(await api.call('deleteAsset', { path: { asset: doomed.id } }), 'the delete test');
    const after = await api.call('getAsset', {
      path: { asset: sibling.id },
      query: { transferables: true },
      intent: 'neutral',
      note: 'the namesake after the delete',
    });
    judge('no_collateral_damage', {
      operation: 'deleteAsset',
      deletedBy: 'deleteAsset',
      deleted: doomed.id,
      sibling: sibling.id,
      read: after.exchange,
      before: assetFingerprint(before.data ?? sibling),
      after: assetFingerprint(after.data),
    });
    const search = await searchUntil(api, budgets, token, doomed.id, 'absent');
    judge('search_reflects_writes', {
      operation: 'searchAssets',
      id: doomed.id,
      after: 'deleteAsset',
      query: token,
      expect: 'absent',
      ...search,
    });
  });

  test('an update keeps id, created and every field it did not change; search follows the new name', async ({
    api,
    judge,
    safety,
    suiteConfig: { budgets },
  }) => {
    safety.writes();
    const [oldToken, newToken, laterToken] = [distinctiveToken(), distinctiveToken(), distinctiveToken()];
    const [first, second] = [distinctiveToken(), distinctiveToken()];
    const created = must(
      await api.call('createAsset', {
        body: seed(markedName(oldToken), `// ${first} goes before ${second}\nconst x = 1;\n`),
      }),
      'the update test',
    );
    const id = created.id;
    const full = async (note: string) =>
      (await api.call('getAsset', { path: { asset: id }, query: { transferables: true }, note })).data;
    const before = must(
      await api.call('getAsset', { path: { asset: id }, query: { transferables: true } }),
      'the update test',
    );
    await searchUntil(api, budgets, oldToken, id, 'found');

    // A rename sent as the whole asset read before.
    const renamed = markedName(newToken);
    await api.call('updateAsset', { body: { ...before, name: renamed }, query: { transferables: false } });
    const afterRename = await full('after the rename');
    judge('update_invariants', {
      operation: 'updateAsset',
      id,
      readBy: 'getAsset',
      changed: ['name'],
      before,
      after: afterRename,
    });
    // listing_consistent judges the snapshot: an updated asset is still listed once.
    await api.call('getAssetsSnapshot', { query: { transferables: false } });

    const byNew = await searchUntil(api, budgets, newToken, id, 'found');
    judge('search_reflects_writes', {
      operation: 'searchAssets',
      id,
      after: 'updateAsset (renamed)',
      query: newToken,
      expect: 'found',
      ...byNew,
    });
    const byOld = await searchUntil(api, budgets, oldToken, id, 'absent', true);
    judge('search_reflects_writes', {
      operation: 'searchAssets',
      id,
      after: 'updateAsset (renamed)',
      query: oldToken,
      expect: 'absent',
      ...byOld,
    });
    // Both content tokens, out of order: a result that is not an exact phrase match (its counts are judged).
    await api.call('searchAssets', { body: { query: `${second} ${first}` }, query: { transferables: false } });

    // A rename sent as the asset read without transferables (no content in the body): the content stays.
    const lite = must(
      await api.call('getAsset', { path: { asset: id }, query: { transferables: false } }),
      'the update test',
    );
    await api.call('updateAsset', { body: { ...lite, name: markedName(laterToken) }, query: { transferables: false } });
    judge('update_invariants', {
      operation: 'updateAsset',
      id,
      readBy: 'getAsset',
      changed: ['name'],
      before: afterRename,
      after: await full('after the rename without content'),
    });
  });
});

test.describe('Consistency: conversations', { tag: '@Conversations' }, () => {
  test('deleting a conversation leaves its namesake intact', async ({ api, judge, safety }) => {
    safety.writes();
    const name = markedName('namesake');
    const body = seededConversation(name, [{ role: 'USER', text: 'Keep me.' }]);
    const doomed = must(await api.call('createConversation', { body }), 'the conversation delete test');
    const sibling = must(await api.call('createConversation', { body }), 'the conversation delete test');
    const before = await api.call('getConversation', { path: { conversation: sibling.id } });
    must(await api.call('deleteConversation', { path: { conversation: doomed.id } }), 'the conversation delete test');
    const after = await api.call('getConversation', {
      path: { conversation: sibling.id },
      intent: 'neutral',
      note: 'the namesake after the delete',
    });
    judge('no_collateral_damage', {
      operation: 'deleteConversation',
      deletedBy: 'deleteConversation',
      deleted: doomed.id,
      sibling: sibling.id,
      read: after.exchange,
      before: conversationFingerprint(before.data ?? sibling),
      after: conversationFingerprint(after.data),
    });
  });

  test('a conversation started by a streamed question is readable and listed like one created over REST', async ({
    api,
    judge,
    safety,
    owned,
    target,
    validators,
  }) => {
    safety.streamedQuestions();
    const session = new StreamSession({ baseUrl: target.url, validators });
    let id: string | undefined;
    try {
      const socket = await session.open();
      const answered = await socket.ask({
        question: { query: 'What is a closure?', relevant: { iterable: [] }, ...asked() },
      }).done;
      id = firstConversationOf(answered.frames);
    } finally {
      await session.close();
    }
    test.skip(!id, 'the streamed answer named no conversation (stream_conversation_present judges that)');
    owned.adoptConversation(id!);
    const read = await api.call('getConversation', { path: { conversation: id! } });
    judge('ensure_resource_availability', {
      operation: 'qgptStream',
      via: 'getConversation',
      id: id!,
      createdBy: 'qgptStream',
      read: read.exchange,
    });
    const listed = await api.call('getConversationsSnapshot', { query: { transferables: false } });
    judge('ensure_resource_availability', {
      operation: read.ok ? 'getConversationsSnapshot' : 'qgptStream',
      via: 'getConversationsSnapshot',
      id: id!,
      createdBy: 'qgptStream',
      listed: listed.data?.iterable.some((c) => c.id === id),
    });
  });
});
