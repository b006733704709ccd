/**
 * Assets: the whole lifecycle of one asset (create → get → listed → found → renamed → deleted →
 * gone everywhere), with its content round-tripping exactly, plus the snapshot's query flags and
 * search forms. Negative cases live in negative.spec.ts.
 */
import { test, expect } from '../fixtures/index.js';
import { distinctiveToken, markedName, seed, trickyContent } from '../fixtures/data.js';
import { must } from '../fixtures/must.js';
import { eventually, searchUntilFound, waitedOf } from '../fixtures/poll.js';

test.describe('Assets', { tag: '@Assets' }, () => {
  test('an asset lives, is renamed and is deleted as documented', async ({
    api,
    judge,
    safety,
    suiteConfig: { budgets },
  }) => {
    safety.writes();
    const token = distinctiveToken();
    const name = markedName('asset');
    const content = trickyContent(token);
    const RAW = 'original.reference.fragment.string.raw';

    const created = await api.call('createAsset', { body: seed(name, content), query: { transferables: true } });
    const asset = must(created, 'the asset lifecycle');
    judge('content_round_trip', {
      operation: 'createAsset',
      id: asset.id,
      field: RAW,
      sent: content,
      received: asset.original?.reference?.fragment?.string?.raw,
    });

    const read = await api.call('getAsset', { path: { asset: asset.id }, query: { transferables: true } });
    judge('ensure_resource_availability', {
      operation: 'createAsset',
      via: 'getAsset',
      id: asset.id,
      createdBy: 'createAsset',
      read: read.exchange,
    });
    judge('content_round_trip', {
      operation: 'getAsset',
      id: asset.id,
      field: RAW,
      sent: content,
      received: read.data?.original?.reference?.fragment?.string?.raw,
    });

    // A listing that leaves out an asset readable by id is the listing's fault; otherwise the create's.
    const listed = await eventually(
      budgets,
      async () =>
        (await api.call('getAssetsSnapshot', { query: { transferables: false } })).data?.iterable.some(
          (a) => a.id === asset.id,
        ),
      (yes) => yes === true,
    );
    judge('ensure_resource_availability', {
      operation: read.ok ? 'getAssetsSnapshot' : 'createAsset',
      via: 'getAssetsSnapshot',
      id: asset.id,
      createdBy: 'createAsset',
      listed: listed.value,
      ...waitedOf(budgets, listed),
    });

    // The content's token is not in the name: this search can only succeed by looking at content.
    judge('search_finds_created', {
      operation: 'searchAssets',
      query: token,
      id: asset.id,
      ...(await searchUntilFound(api, budgets, asset.id, { query: token }, { transferables: false })),
    });

    const renamed = markedName('renamed');
    const current = read.data ?? asset;
    const updated = await api.call('updateAsset', {
      body: { ...current, name: renamed },
      query: { transferables: false },
    });
    judge('update_persisted', {
      operation: 'updateAsset',
      id: asset.id,
      readBy: 'updateAsset',
      field: 'name',
      sent: renamed,
      readBack: updated.data?.name,
    });
    const reread = await api.call('getAsset', { path: { asset: asset.id }, query: { transferables: true } });
    judge('update_persisted', {
      operation: 'updateAsset',
      id: asset.id,
      readBy: 'getAsset',
      field: 'name',
      sent: renamed,
      readBack: reread.data?.name,
    });
    judge('content_round_trip', {
      operation: 'getAsset',
      id: asset.id,
      field: `${RAW} (after update)`,
      sent: content,
      received: reread.data?.original?.reference?.fragment?.string?.raw,
    });

    const formatIds = (reread.data ?? asset).formats.iterable.map((f) => f.id);
    const deleted = await api.call('deleteAsset', { path: { asset: asset.id } });
    expect(must(deleted, 'the asset lifecycle').trim(), 'deleteAsset answers the deleted id').toBe(asset.id);

    // While the asset still reads by id, nothing was deleted: the delete is blamed for every view
    // that still shows it. Once it is gone, a view that still shows it (or its formats) is stale.
    const after = await api.call('getAsset', {
      path: { asset: asset.id },
      intent: 'neutral',
      note: 'read after delete',
    });
    const kept = (after.exchange.response?.status ?? 0) < 300;
    const blame = (view: string) => (kept ? 'deleteAsset' : view);
    judge('use_after_delete', {
      operation: 'deleteAsset',
      via: 'getAsset',
      id: asset.id,
      deletedBy: 'deleteAsset',
      read: after.exchange,
    });
    // Writes to what is gone are refused too (410): a second delete, an update.
    for (const [operation, write] of [
      [
        'deleteAsset',
        () => api.call('deleteAsset', { path: { asset: asset.id }, intent: 'neutral', note: 'second delete' }),
      ],
      [
        'updateAsset',
        () =>
          api.call('updateAsset', {
            body: { ...(reread.data ?? asset), name: markedName('after-delete') },
            intent: 'neutral',
            note: 'update of a deleted asset',
          }),
      ],
    ] as const) {
      if (kept) break; // nothing was deleted: the read above already blames the delete
      const res = await write();
      judge('use_after_delete', {
        operation,
        id: asset.id,
        deletedBy: 'deleteAsset',
        read: res.exchange,
      });
    }
    const snapshot = await eventually(
      budgets,
      async () =>
        (await api.call('getAssetsSnapshot', { query: { transferables: false } })).data?.iterable.some(
          (a) => a.id === asset.id,
        ),
      (still) => still !== true,
    );
    judge('use_after_delete', {
      operation: blame('getAssetsSnapshot'),
      via: 'getAssetsSnapshot',
      id: asset.id,
      deletedBy: 'deleteAsset',
      listed: snapshot.value,
      ...waitedOf(budgets, snapshot),
    });
    const formats = await api.call('getFormatsSnapshot', { query: { transferables: false } });
    for (const fid of formatIds) {
      judge('use_after_delete', {
        operation: blame('getFormatsSnapshot'),
        via: 'getFormatsSnapshot',
        id: fid,
        deletedBy: 'deleteAsset',
        listed: formats.data?.iterable.some((f) => f.id === fid),
      });
      const format = await api.call('getFormat', {
        path: { format: fid },
        intent: 'neutral',
        note: 'format of a deleted asset',
      });
      judge('use_after_delete', {
        operation: blame('getFormat'),
        via: 'getFormat',
        id: fid,
        deletedBy: 'deleteAsset',
        read: format.exchange,
      });
    }
  });

  test('the snapshot answers with every documented query flag', async ({ api }) => {
    for (const query of [
      {},
      { transferables: false },
      { transferables: true, suggested: true },
      { pseudo: false, suggested: false },
    ]) {
      await api.call('getAssetsSnapshot', { query });
    }
  });

  test("the snapshot honours transferables, pseudo and suggested on the test's own saved and pseudo assets", async ({
    api,
    judge,
    safety,
    suiteConfig: { budgets },
  }) => {
    safety.writes();
    const saved = must(
      await api.call('createAsset', { body: seed(markedName('flags'), `const ${distinctiveToken()} = 1;\n`) }),
      'the flags test',
    ).id;
    const base = seed(markedName('flags-pseudo'), `const ${distinctiveToken()} = 2;\n`);
    const pseudoSeed = { ...base, asset: { ...base.asset!, pseudo: true } };
    const created = must(await api.call('createAsset', { body: pseudoSeed }), 'the flags test').id;
    // Judged as a pseudo asset only when the target marks it one (Asset.pseudo: "an asset that the
    // user did not explicitly save"); no document says a seed's pseudo flag makes one.
    const read = await api.call('getAsset', { path: { asset: created }, query: { transferables: false } });
    const pseudo = read.data?.pseudo === true ? created : undefined;
    const combinations = [
      {},
      { transferables: false },
      { pseudo: true },
      { pseudo: false, suggested: false },
      { transferables: false, pseudo: true },
    ];
    for (const flags of combinations) {
      // Within the consistency budget: both of the test's assets listed as the flags say.
      const polled = await eventually(
        budgets,
        () => api.call('getAssetsSnapshot', { query: flags }),
        (res) => {
          const ids = new Set((res.data?.iterable ?? []).map((a) => a.id));
          return ids.has(saved) && (pseudo === undefined || ids.has(pseudo) === (flags.pseudo === true));
        },
      );
      judge('query_flags_honoured', {
        operation: 'getAssetsSnapshot',
        flags,
        items: polled.value.data?.iterable ?? [],
        saved,
        pseudo,
        ...waitedOf(budgets, polled),
      });
    }
  });

  test('search finds an asset by its name and by a quoted phrase of its content, and survives a stray quote', async ({
    api,
    judge,
    safety,
    suiteConfig: { budgets },
  }) => {
    safety.writes();
    const token = distinctiveToken();
    const nameToken = distinctiveToken();
    const created = await api.call('createAsset', {
      body: seed(markedName(nameToken), `const ${token} = "say ${token} twice";\n`, 'js'),
    });
    const id = must(created, 'the search test').id;

    // A new asset may reach the search index a moment later: each search waits within the consistency budget.
    const byName = await searchUntilFound(api, budgets, id, { query: nameToken });
    judge('search_finds_created', { operation: 'searchAssets', query: nameToken, id, ...byName });
    const phrase = `"say ${token}"`;
    const quoted = await searchUntilFound(api, budgets, id, { query: phrase }, { transferables: false, pseudo: false });
    judge('search_finds_created', { operation: 'searchAssets', query: phrase, id, ...quoted });
    const filtered = await searchUntilFound(api, budgets, id, {
      query: token,
      casing: true,
      filters: { iterable: [{ classification: 'js' }], type: 'AND' },
    });
    judge('search_finds_created', {
      operation: 'searchAssets',
      query: `${token} (js filter, case-sensitive)`,
      id,
      ...filtered,
    });
    // An unbalanced quote is an ordinary search text; it must not reach a query parser raw.
    await api.call('searchAssets', { body: { query: `${token} "unterminated` } });
  });
});
