/** Path matching: every concrete path of the contract finds its operation and decoded parameters, literals before templates. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSpec } from '../../../src/contract/load.js';
import { matchOperation, pathMatchers } from '../../../src/contract/operations.js';

const spec = await loadSpec('spec/pieces-os.openapi.yaml');
const matchers = pathMatchers(spec.operations.values());

const rows: Array<[method: string, path: string, operation: string | undefined, params?: Record<string, string>]> = [
  // Literal segments win over templates: /asset/update is not getAsset's {asset}.
  ['POST', '/asset/update', 'updateAsset'],
  ['GET', '/asset/update', 'getAsset', { asset: 'update' }],
  ['GET', '/asset/8f3c', 'getAsset', { asset: '8f3c' }],
  ['GET', '/asset/a%2Fb%20c', 'getAsset', { asset: 'a/b c' }],
  ['GET', '/asset/8f3c/', 'getAsset', { asset: '8f3c' }],
  ['POST', '/assets/create', 'createAsset'],
  ['POST', '/assets/search', 'searchAssets'],
  ['POST', '/assets/xyz/delete', 'deleteAsset', { asset: 'xyz' }],
  ['GET', '/assets', 'getAssetsSnapshot'],
  ['POST', '/model/m1/download', 'downloadModel', { model: 'm1' }],
  ['POST', '/model/m1/download/cancel', 'cancelModelDownload', { model: 'm1' }],
  ['GET', '/model/m1/download/progress', 'modelDownloadProgress', { model: 'm1' }],
  ['GET', '/model/m1', 'getModel', { model: 'm1' }],
  ['GET', '/conversation/c1/messages', 'getConversationMessages', { conversation: 'c1' }],
  ['POST', '/applications/session/close', 'closeApplicationSession'],
  ['GET', '/.well-known/health', 'getWellKnownHealth'],
  // No match: wrong method, unknown path, a path parameter that would span segments.
  ['DELETE', '/asset/8f3c', undefined],
  ['GET', '/nope', undefined],
  ['GET', '/asset/a/b', undefined],
];

for (const [method, path, operation, params] of rows) {
  test(`${method} ${path} → ${operation ?? 'no operation'}`, () => {
    const m = matchOperation(matchers, method, path);
    assert.equal(m?.operation.operationId, operation);
    if (params) assert.deepEqual(m?.pathParams, params);
  });
}
