/** Formats: the snapshot, and a created asset's format read by id, consistent with its asset. */
import { test } from '../fixtures/index.js';
import { distinctiveToken, markedName, seed } from '../fixtures/data.js';
import { must } from '../fixtures/must.js';

test.describe('Formats', { tag: '@Formats' }, () => {
  test('the formats snapshot answers', async ({ api }) => {
    await api.call('getFormatsSnapshot');
    await api.call('getFormatsSnapshot', { query: { transferables: false } });
  });

  test("a created asset's format is listed, readable by id and consistent with its asset", async ({
    api,
    judge,
    safety,
  }) => {
    safety.writes();
    const content = `# ${distinctiveToken()}\nprint("formats")\n`;
    const asset = must(
      await api.call('createAsset', { body: seed(markedName('format'), content, 'py') }),
      'the format test',
    );
    const formatIds = asset.formats.iterable.map((f) => f.id);
    judge('references_consistent', {
      operation: 'createAsset',
      id: asset.id,
      field: 'original.id among formats',
      source: 'createAsset formats',
      expected: true,
      actual: formatIds.includes(asset.original.id),
    });

    const read = await api.call('getFormat', { path: { format: asset.original.id }, query: { transferable: true } });
    judge('ensure_resource_availability', {
      operation: 'createAsset',
      via: 'getFormat',
      id: asset.original.id,
      createdBy: 'createAsset',
      read: read.exchange,
    });
    const snapshot = await api.call('getFormatsSnapshot', { query: { transferables: false } });
    for (const id of formatIds) {
      judge('ensure_resource_availability', {
        operation: read.ok ? 'getFormatsSnapshot' : 'createAsset',
        via: 'getFormatsSnapshot',
        id,
        createdBy: 'createAsset',
        listed: snapshot.data?.iterable.some((f) => f.id === id),
      });
    }

    if (!read.data) return;
    judge('references_consistent', {
      operation: 'getFormat',
      id: read.data.id,
      field: 'asset.id',
      source: 'createAsset',
      expected: asset.id,
      actual: read.data.asset?.id,
    });
    judge('references_consistent', {
      operation: 'getFormat',
      id: read.data.id,
      field: 'id',
      source: 'the path',
      expected: asset.original.id,
      actual: read.data.id,
    });
    judge('content_round_trip', {
      operation: 'getFormat',
      id: read.data.id,
      field: 'fragment.string.raw',
      sent: content,
      received: read.data.fragment?.string?.raw,
    });

    const lite = await api.call('getFormat', { path: { format: asset.original.id }, query: { transferable: false } });
    judge('references_consistent', {
      operation: 'getFormat',
      id: asset.original.id,
      field: 'classification (transferable=false)',
      source: 'getFormat transferable=true',
      expected: read.data.classification,
      actual: lite.data?.classification,
    });
  });
});
