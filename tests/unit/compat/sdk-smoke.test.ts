/**
 * The SDK smoke run through the real @pieces.app/pieces-os-client 4.1.0 against the emulator: every
 * call works but the SDK's own HTTP stream method, the content survives, what it made is removed;
 * read-only; without downloads. Then the SDK row of the matrix. (A server that breaks the SDK:
 * sdk-smoke-breaking-server.test.ts.)
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../../emulator/index.js';
import { staticMatrix } from '../../../src/compat/matrix.js';
import { applySdk, loadSdk, runSdkSmoke, sdkRow, type SdkSmokeResult } from '../../../src/compat/sdk/index.js';
import { doc, obj, str, version } from './fixtures.js';
import { stepOf as step } from './sdkStep.js';

const loaded = await loadSdk();
let emu: RunningEmulator;
let result: SdkSmokeResult;
before(async () => {
  emu = await startEmulator({ port: 0, memory: true, downloadMs: 200 });
  result = await runSdkSmoke({ baseUrl: emu.url, loaded, allowDownloads: true });
});
after(async () => {
  await emu?.close();
});

test('the installed SDK is 4.1.0 and its default base path is not where Pieces OS listens', async () => {
  assert.equal(loaded.version, '4.1.0');
  assert.equal(loaded.sdk.BASE_PATH, 'http://localhost:1000');
});

test("against the emulator every call works except the SDK's own HTTP stream method", () => {
  const failed = result.calls.filter((c) => c.outcome !== 'ok' || c.shapeProblem);
  assert.deepEqual(failed.map((c) => c.step).sort(), ['qgptStream']);
  const stream = step(result, 'qgptStream');
  assert.match(
    stream.error!,
    /^FetchError: TypeError: Request with GET\/HEAD method cannot have body\. \(fetch refused the request the SDK built: nothing reached the target\)$/,
  );
  assert.equal(stream.http.length, 1);
  assert.match(stream.http[0].error!, /cannot have body/);
  assert.equal(stream.http[0].notSent, true);
  for (const s of [
    'health',
    'version',
    'connect',
    'registerApplication',
    'openSession',
    'closeSession',
    'createAsset',
    'getAsset',
    'updateAsset',
    'searchAssets',
    'formatsSnapshot',
    'getFormat',
    'relevance',
    'question',
    'reprompt',
    'createConversation',
    'getConversation',
    'getConversationMessages',
    'modelsSnapshot',
    'getModel',
    'downloadModel',
    'cancelModelDownload',
    'loadModel',
    'unloadModel',
    'user',
    'deleteAsset',
    'deleteConversation',
  ]) {
    assert.equal(step(result, s).outcome, 'ok', s);
  }
  assert.match(step(result, 'searchAssets').note!, /the created asset among them/);
  assert.match(step(result, 'deleteAsset').note!, /answered the deleted id/);
  assert.deepEqual(
    step(result, 'createAsset').http.map((h) => `${h.method} ${h.path} ${h.status}`),
    ['POST /assets/create 200'],
  );
});

test('the content survives create, get and update; names carry the marker', () => {
  for (const s of ['createAsset', 'getAsset', 'updateAsset']) assert.equal(step(result, s).content, 'survives', s);
  assert.match(result.marker, /^pieces-conformance:sdk-4\.1\.0:[0-9a-f]{6}$/);
  assert.match(step(result, 'updateAsset').note!, /^renamed; content survives/);
});

test('what the run made is gone, or listed with the reason it stays', async () => {
  const assets = (await (await fetch(`${emu.url}/assets`)).json()) as { iterable: Array<{ name?: string }> };
  assert.equal(assets.iterable.filter((a) => a.name?.startsWith(result.marker)).length, 0, 'no marked asset left');
  const kinds = result.leftovers.map((l) => l.split(' ')[0]).sort();
  assert.deepEqual(kinds, ['application'], result.leftovers.join('\n'));
  const conversations = (await (await fetch(`${emu.url}/conversations`)).json()) as {
    iterable: Array<{ name?: string }>;
  };
  assert.equal(
    conversations.iterable.filter((c) => c.name?.startsWith(result.marker)).length,
    0,
    'no marked conversation left',
  );
  const cleanup = result.calls.find((c) => c.cleanup)!;
  assert.equal(cleanup.key, 'POST /conversations/{}/delete');
  assert.equal(cleanup.outcome, 'ok');
});

test('the SDK row: a cell per exercised operation, the stream not conformant with the SDK error', () => {
  const { row, cells } = sdkRow(result);
  assert.equal(row.id, 'sdk-4.1.0');
  assert.equal(row.kind, 'sdk');
  assert.match(row.detail!, /29 calls ok, 1 failed, 0 skipped; content survives; left on the target: application /);
  assert.equal(cells['GET /qgpt/stream'].verdict, 'not-conformant');
  assert.match(
    cells['GET /qgpt/stream'].reason!,
    /^QGPTApi\.qgptStream\(\) \[GET \/qgpt\/stream → TypeError: .*\]: FetchError: TypeError: Request with GET\/HEAD method cannot have body/,
  );
  assert.equal(cells['POST /assets/create'].verdict, 'conformant');
  assert.match(
    cells['POST /assets/create'].reason!,
    /AssetsApi\.assetsCreateNewAsset\(\) \[POST \/assets\/create → 200\] ok: content survives/,
  );
  assert.equal(cells['POST /conversations/{}/delete'], undefined, 'cleanup calls are not cells');
  assert.equal(Object.values(cells).filter((c) => c.verdict === 'conformant').length, 29);
});

test('applySdk replaces the reserved SDK row and fills every column', () => {
  const get = (path: string) => ({
    [path]: {
      get: {
        operationId: path,
        responses: { '200': { description: 'OK', content: { 'application/json': { schema: obj({ a: str() }) } } } },
      },
    },
  });
  const m = staticMatrix([version('ref', doc({ ...get('/user'), ...get('/nothing') }), true)]);
  applySdk(m, result);
  assert.deepEqual(
    m.rows.map((r) => r.id),
    ['ref', 'sdk-4.1.0'],
  );
  assert.equal(m.cells['sdk-4.1.0']['GET /user'].verdict, 'conformant');
  assert.equal(m.cells['sdk-4.1.0']['GET /user'].source, 'sdk');
  assert.deepEqual(m.cells['sdk-4.1.0']['GET /nothing'], {
    verdict: 'not-exercised',
    source: 'sdk',
    reason: 'The SDK smoke run does not call this operation',
  });
});

test('read-only: only reads run; the writes are skipped with the reason', async () => {
  const r = await runSdkSmoke({ baseUrl: emu.url, loaded, readonly: true });
  const writes = [
    'connect',
    'registerApplication',
    'openSession',
    'closeSession',
    'createAsset',
    'getAsset',
    'updateAsset',
    'createConversation',
    'downloadModel',
    'cancelModelDownload',
    'loadModel',
    'unloadModel',
    'deleteAsset',
  ];
  for (const s of writes) assert.equal(step(r, s).outcome, 'skipped', s);
  assert.equal(step(r, 'createAsset').error, 'read-only run: no writes');
  for (const s of ['relevance', 'question', 'reprompt', 'qgptStream']) {
    assert.equal(step(r, s).outcome, 'skipped', s);
    assert.equal(step(r, s).error, 'read-only run: no prompts');
  }
  const sent = r.calls.flatMap((c) => c.http.map((h) => `${h.method} ${h.path.split('?')[0]}`));
  assert.ok(!sent.some((s) => /create|register|session|update|delete|download|load|qgpt/.test(s)), sent.join('\n'));
  assert.deepEqual(r.leftovers, []);
  const { cells } = sdkRow(r);
  assert.equal(cells['POST /assets/create'].verdict, 'not-exercised');
  assert.match(cells['POST /assets/create'].reason!, /skipped: read-only run: no writes/);
});

test('a live target without --allow-downloads keeps its models as they are', async () => {
  const r = await runSdkSmoke({ baseUrl: emu.url, loaded, allowDownloads: false });
  for (const s of ['downloadModel', 'cancelModelDownload', 'loadModel', 'unloadModel']) {
    assert.equal(step(r, s).outcome, 'skipped');
    assert.match(step(r, s).error!, /need --allow-downloads/);
  }
});
