import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSpec, matchOperation, pathMatchers } from '../../../src/index.js';

const spec = await loadSpec('spec/pieces-os.openapi.yaml');
const matchers = pathMatchers(spec.operations.values());

// operationId → method, path template, tag (one row per seed operation and neighbour)
const rows: Array<[string, string, string, string]> = [
  ['getWellKnownHealth', 'GET', '/.well-known/health', 'Well Known'],
  ['getWellKnownVersion', 'GET', '/.well-known/version', 'Well Known'],
  ['getAssetsSnapshot', 'GET', '/assets', 'Assets'],
  ['createAsset', 'POST', '/assets/create', 'Assets'],
  ['searchAssets', 'POST', '/assets/search', 'Assets'],
  ['getAsset', 'GET', '/asset/{asset}', 'Assets'],
  ['updateAsset', 'POST', '/asset/update', 'Assets'],
  ['deleteAsset', 'POST', '/assets/{asset}/delete', 'Assets'],
  ['getFormatsSnapshot', 'GET', '/formats', 'Formats'],
  ['getFormat', 'GET', '/format/{format}', 'Formats'],
  ['qgptQuestion', 'POST', '/qgpt/question', 'QGPT'],
  ['qgptRelevance', 'POST', '/qgpt/relevance', 'QGPT'],
  ['qgptReprompt', 'POST', '/qgpt/reprompt', 'QGPT'],
  ['qgptStream', 'GET', '/qgpt/stream', 'QGPT'],
  ['getConversationsSnapshot', 'GET', '/conversations', 'Conversations'],
  ['createConversation', 'POST', '/conversations/create', 'Conversations'],
  ['getConversation', 'GET', '/conversation/{conversation}', 'Conversations'],
  ['getConversationMessages', 'GET', '/conversation/{conversation}/messages', 'Conversations'],
  ['getModelsSnapshot', 'GET', '/models', 'Models'],
  ['getModel', 'GET', '/model/{model}', 'Models'],
  ['downloadModel', 'POST', '/model/{model}/download', 'Models'],
  ['loadModel', 'POST', '/model/{model}/load', 'Models'],
  ['unloadModel', 'POST', '/model/{model}/unload', 'Models'],
  ['getApplicationsSnapshot', 'GET', '/applications', 'Applications'],
  ['registerApplication', 'POST', '/applications/register', 'Applications'],
  ['openApplicationSession', 'POST', '/applications/session/open', 'Applications'],
  ['closeApplicationSession', 'POST', '/applications/session/close', 'Applications'],
  ['getUser', 'GET', '/user', 'User'],
  // neighbours
  ['connect', 'POST', '/connect', 'Connector'],
  ['cancelModelDownload', 'POST', '/model/{model}/download/cancel', 'Models'],
  ['modelDownloadProgress', 'GET', '/model/{model}/download/progress', 'Models'],
  ['deleteConversation', 'POST', '/conversations/{conversation}/delete', 'Conversations'],
];

test('the index holds exactly the contract operations', () => {
  assert.deepEqual([...spec.operations.keys()].sort(), rows.map((r) => r[0]).sort());
});

for (const [id, method, path, tag] of rows) {
  test(`index: ${id}`, () => {
    const op = spec.operations.get(id)!;
    assert.equal(op.method, method);
    assert.equal(op.path, path);
    assert.deepEqual(op.tags, [tag]);
    assert.ok(
      Object.keys(op.responses).some((st) => st === '200' || st === '204' || st === '101'),
      'documents a success status',
    );
  });
}

test('index details: parameters, bodies, websocket and neighbour flags', () => {
  const getAsset = spec.operations.get('getAsset')!;
  assert.deepEqual(
    getAsset.parameters.map((p) => `${p.in}:${p.name}:${p.required}`),
    ['path:asset:true', 'query:transferables:false'],
  );
  assert.equal(spec.operations.get('createAsset')!.requestBody?.required, true);
  assert.ok(spec.operations.get('createAsset')!.requestBody!.content['application/json']);
  assert.equal(spec.operations.get('qgptStream')!.websocket, true);
  assert.equal(spec.operations.get('getAsset')!.websocket, false);
  assert.equal(spec.operations.get('connect')!.neighbour, true);
  assert.equal(spec.operations.get('getFormat')!.parameters.find((p) => p.in === 'query')?.name, 'transferable');
  assert.ok(spec.operations.get('getAsset')!.responses['410'].content['text/plain']);
});

// method + concrete path → operationId and path params (most literal template wins)
const matches: Array<[string, string, string | undefined, Record<string, string>?]> = [
  ['GET', '/asset/0b6c9c1e-1111-4c1e-9c1e-000000000001', 'getAsset', { asset: '0b6c9c1e-1111-4c1e-9c1e-000000000001' }],
  ['POST', '/asset/update', 'updateAsset', {}],
  ['POST', '/assets/abc/delete', 'deleteAsset', { asset: 'abc' }],
  ['POST', '/conversations/abc/delete', 'deleteConversation', { conversation: 'abc' }],
  ['POST', '/assets/create', 'createAsset', {}],
  ['POST', '/assets/search', 'searchAssets', {}],
  ['GET', '/model/m%201', 'getModel', { model: 'm 1' }],
  ['POST', '/model/m1/download/cancel', 'cancelModelDownload', { model: 'm1' }],
  ['GET', '/model/m1/download/progress', 'modelDownloadProgress', { model: 'm1' }],
  ['GET', '/conversation/c1/messages', 'getConversationMessages', { conversation: 'c1' }],
  ['GET', '/assets/', 'getAssetsSnapshot', {}],
  ['DELETE', '/assets', undefined],
  ['GET', '/nope', undefined],
];

for (const [method, path, id, params] of matches) {
  test(`match ${method} ${path}`, () => {
    const hit = matchOperation(matchers, method, path);
    assert.equal(hit?.operation.operationId, id);
    if (params) assert.deepEqual(hit?.pathParams, params);
  });
}
