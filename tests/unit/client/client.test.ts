/** The typed client: builds requests, never throws on a status or a transport failure, hands every exchange to the middleware. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient, resultOf } from '../../../src/client/client.js';
import { buildRequest, fillPath, joinUrl, queryString } from '../../../src/client/build.js';
import { fetchTransport } from '../../../src/client/transport/fetch.js';
import type { Transport } from '../../../src/client/types.js';
import type { Exchange } from '../../../src/core/types.js';
import { HarnessError } from '../../../src/core/errors.js';
import { loadSpec } from '../../../src/contract/load.js';
import { tinyServer } from './server.js';

const spec = await loadSpec('spec/pieces-os.openapi.yaml');

test('fillPath, queryString and joinUrl', () => {
  assert.equal(fillPath('/asset/{asset}', { asset: 'a/b c' }), '/asset/a%2Fb%20c');
  assert.throws(() => fillPath('/asset/{asset}', {}, 'getAsset'), /getAsset: path parameter "asset" is missing/);
  assert.equal(queryString({ transferables: false, x: undefined, q: 'a b' }), '?transferables=false&q=a+b');
  assert.equal(queryString({}), '');
  assert.equal(joinUrl('http://h:1/', '/assets'), 'http://h:1/assets');
  assert.equal(joinUrl('http://h:1/base', 'assets'), 'http://h:1/base/assets');
});

test('buildRequest: JSON bodies get a content type, raw bodies are sent verbatim, header names are lower-cased', () => {
  const op = spec.operations.get('createAsset')!;
  const a = buildRequest('http://h', op, {
    body: { asset: 1 },
    query: { transferables: true },
    headers: { 'X-Trace': '1' },
  });
  assert.deepEqual(a, {
    method: 'POST',
    url: 'http://h/assets/create?transferables=true',
    headers: { 'x-trace': '1', 'content-type': 'application/json' },
    body: '{"asset":1}',
  });
  const b = buildRequest('http://h', op, { rawBody: '{oops', headers: { 'Content-Type': 'text/plain' } });
  assert.deepEqual(b.headers, { 'content-type': 'text/plain' });
  assert.equal(b.body, '{oops');
  assert.equal(buildRequest('http://h', spec.operations.get('getUser')!).body, undefined);
});

test('call: matches the operation, records the exchange, parses 2xx JSON and runs middleware in order', async () => {
  const calls: string[] = [];
  const transport: Transport = async (req) => {
    calls.push(`send ${req.method} ${req.url}`);
    return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"id":"a1"}' };
  };
  const exchanges: Exchange[] = [];
  const api = new ApiClient({
    baseUrl: 'http://h:1',
    spec,
    transport,
    around: async (label, run) => {
      calls.push(`step ${label}`);
      return run();
    },
    middleware: [
      {
        onRequest: (r) => {
          calls.push(`request ${r.operation?.operationId} ${JSON.stringify(r.pathParams)}`);
        },
      },
      {
        onExchange: (ex) => {
          exchanges.push(ex);
          calls.push('exchange');
        },
      },
    ],
  });
  const res = await api.call('getAsset', { path: { asset: 'a1' }, query: { transferables: false } });
  assert.equal(res.status, 200);
  assert.deepEqual(res.data, { id: 'a1' });
  assert.deepEqual(calls, [
    'request getAsset {"asset":"a1"}',
    'step getAsset: GET /asset/a1',
    'send GET http://h:1/asset/a1?transferables=false',
    'exchange',
  ]);
  assert.equal(exchanges[0].operationId, 'getAsset');
  assert.deepEqual(exchanges[0].pathParams, { asset: 'a1' });
  assert.equal(exchanges[0].intent, 'positive');
});

test('a transport failure becomes the exchange error, never an exception', async () => {
  const api = new ApiClient({
    baseUrl: 'http://h',
    spec,
    transport: async () => {
      throw Object.assign(new Error('fetch failed'), {
        cause: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:9' },
      });
    },
  });
  const res = await api.call('getUser');
  assert.equal(res.status, 0);
  assert.equal(res.exchange.error, 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9');
});

test('a hanging target is a timed-out exchange after the timeout (fetch transport)', async () => {
  const server = await tinyServer(() => {
    /* never answers */
  });
  try {
    const api = new ApiClient({ baseUrl: server.url, spec, transport: fetchTransport(), timeoutMs: 200 });
    const t0 = Date.now();
    const res = await api.call('getWellKnownHealth');
    assert.equal(res.exchange.error, 'timed out after 200 ms');
    assert.ok(Date.now() - t0 < 2000);
  } finally {
    await server.close();
  }
});

test('fetch transport: statuses, headers and bodies as received; redirects are not followed', async () => {
  const server = await tinyServer((req, res, body) => {
    if (req.url === '/redirect') {
      res.writeHead(302, { location: '/elsewhere' });
      return res.end();
    }
    res.writeHead(410, { 'Content-Type': 'text/plain' });
    res.end(`gone:${body.toString()}`);
  });
  try {
    const t = fetchTransport();
    const r = await t(
      { method: 'POST', url: `${server.url}/x`, headers: { 'content-type': 'application/json' }, body: '{"a":1}' },
      { timeoutMs: 2000 },
    );
    assert.deepEqual([r.status, r.headers['content-type'], r.body], [410, 'text/plain', 'gone:{"a":1}']);
    const red = await t({ method: 'GET', url: `${server.url}/redirect`, headers: {} }, { timeoutMs: 2000 });
    assert.equal(red.status, 302);
  } finally {
    await server.close();
  }
});

test('an unknown operationId is a usage error; request() matches any path', async () => {
  const api = new ApiClient({
    baseUrl: 'http://h',
    spec,
    transport: async () => ({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' }),
  });
  await assert.rejects(() => api.callLoose('nope' as any), HarnessError);
  const r = await api.request('POST', '/assets/a1/delete');
  assert.equal(r.exchange.operationId, 'deleteAsset');
  assert.equal(r.data, 'ok');
});

test('resultOf: non-2xx has no data; broken JSON has no data', () => {
  const base = {
    id: 'x',
    request: { method: 'GET', url: 'http://h/', headers: {} },
    startedAt: 0,
    durationMs: 1,
    intent: 'positive' as const,
  };
  assert.equal(
    resultOf({ ...base, response: { status: 410, headers: { 'content-type': 'text/plain' }, body: 'gone' } }).data,
    undefined,
  );
  assert.equal(
    resultOf({ ...base, response: { status: 200, headers: { 'content-type': 'application/json' }, body: '{x' } }).data,
    undefined,
  );
  assert.equal(
    resultOf({ ...base, response: { status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' } }).data,
    'ok',
  );
});
