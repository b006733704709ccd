/**
 * The official TypeScript SDK (@pieces.app/pieces-os-client 4.1.0, its generated client and its
 * deserialisers) works against the emulator, the way integrations use it: connect, then assets,
 * search, QGPT, models, user, sessions, conversations.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as Pieces from '@pieces.app/pieces-os-client';
import { startEmulator, type RunningEmulator } from '../../../emulator/index.js';

describe('emulator with the official TypeScript SDK', () => {
  let em: RunningEmulator;
  let cfg: Pieces.Configuration;
  before(async () => {
    em = await startEmulator({ port: 0 });
    cfg = new Pieces.Configuration({ basePath: em.url });
  });
  after(async () => {
    await em.close();
  });

  test('well-known, connect, and the asset lifecycle', async () => {
    assert.equal(await new Pieces.WellKnownApi(cfg).getWellKnownHealth(), 'ok');
    assert.match(await new Pieces.WellKnownApi(cfg).getWellKnownVersion(), /^\d+\.\d+\.\d+$/);
    const ctx = await new Pieces.ConnectorApi(cfg).connect({
      seededConnectorConnection: {
        application: {
          name: Pieces.ApplicationNameEnum.OpenSource,
          platform: Pieces.PlatformEnum.Linux,
          version: '4.1.0',
        },
      },
    });
    const assets = new Pieces.AssetsApi(cfg);
    const created = await assets.assetsCreateNewAsset({
      seed: {
        type: Pieces.SeedTypeEnum.SeededAsset,
        asset: {
          application: ctx.application,
          format: { fragment: { string: { raw: '<h1>Hello SDK</h1>' } } },
          metadata: { name: 'SDK asset' },
        },
      },
    });
    assert.ok(created.created.value instanceof Date);
    assert.equal(created.original.reference?.fragment?.string?.raw, '<h1>Hello SDK</h1>');
    const asset = new Pieces.AssetApi(cfg);
    const got = await asset.assetSnapshot({ asset: created.id, transferables: true });
    const updated = await asset.assetUpdate({ asset: { ...got, name: 'Renamed by SDK' } });
    assert.equal(updated.name, 'Renamed by SDK');
    const found = await assets.assetsSearchWithFilters({ assetsSearchWithFiltersInput: { query: 'Hello' } });
    assert.deepEqual(
      found.results.iterable.map((r) => r.identifier),
      [created.id],
    );
    assert.equal(await assets.assetsDeleteAsset({ asset: created.id }), created.id);
    await assert.rejects(asset.assetSnapshot({ asset: created.id }), (e: any) => e.response?.status === 410);
  });

  test('qgpt, models, user, sessions and conversations', async () => {
    const rel = await new Pieces.QGPTApi(cfg).relevance({
      qGPTRelevanceInput: { query: 'hello', options: { question: true } },
    });
    assert.ok(rel.answer?.answers.iterable[0].text);
    assert.ok((await new Pieces.ModelsApi(cfg).modelsSnapshot()).iterable.length >= 8);
    assert.ok((await new Pieces.UserApi(cfg).userSnapshot()).user?.id);
    const apps = new Pieces.ApplicationsApi(cfg);
    const session = await apps.applicationsSessionOpen();
    assert.ok((await apps.applicationsSessionClose({ body: session.id })).closed?.value instanceof Date);
    const conv = await new Pieces.ConversationsApi(cfg).conversationsCreateSpecificConversation({
      seededConversation: { type: Pieces.ConversationTypeEnum.Copilot, name: 'sdk chat' },
    });
    assert.equal(
      (await new Pieces.ConversationApi(cfg).conversationGetSpecificConversation({ conversation: conv.id })).name,
      'sdk chat',
    );
  });
});
