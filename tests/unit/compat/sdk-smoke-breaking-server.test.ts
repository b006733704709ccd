/**
 * The SDK smoke run against a tiny fake whose answers break the SDK the ways a real server can (a
 * 410, JSON parse error of a text endpoint, a FromJSON that needs a missing field, the seed's bare
 * envelopes, changed content); and a missing SDK.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { HarnessError } from '../../../src/core/errors.js';
import { loadSdk, runSdkSmoke, sdkRow } from '../../../src/compat/sdk/index.js';
import { stepOf as step } from './sdkStep.js';

const loaded = await loadSdk();

/** A fake Pieces OS whose answers break the SDK in known ways. */
function fake(req: IncomingMessage, res: ServerResponse, body: string): void {
  const send = (status: number, type: string, text: string) => {
    res.writeHead(status, { 'content-type': type });
    res.end(text);
  };
  const j = (v: unknown) => send(200, 'application/json', JSON.stringify(v));
  const path = new URL(req.url!, 'http://x').pathname;
  const route = `${req.method} ${path}`;
  if (route === 'GET /.well-known/health') return send(200, 'text/plain', 'ok');
  if (route === 'GET /.well-known/version') return send(200, 'application/json', '12.0.0'); // text sent as JSON
  if (route === 'GET /applications') return j({ iterable: [] });
  if (route === 'POST /applications/register') return j(JSON.parse(body));
  if (route === 'POST /applications/session/open') return j({ id: 's1', opened: { value: new Date().toISOString() } });
  if (route === 'POST /applications/session/close')
    return j({ id: JSON.parse(body), opened: { value: new Date().toISOString() } });
  if (route === 'POST /assets/create') {
    const raw = JSON.parse(body).asset.format.fragment.string.raw as string;
    return j({
      id: 'a1',
      name: 'x',
      original: { id: 'f1', reference: { id: 'f1', fragment: { string: { raw: raw.trim() } } } },
      formats: { iterable: [] },
    });
  }
  if (route === 'GET /assets') return j({}); // no iterable: AssetsFromJSON maps json.iterable
  if (route === 'GET /asset/a1') return send(410, 'text/plain', 'Asset a1 no longer exists and is Gone.');
  if (route === 'POST /asset/update') return j(JSON.parse(body));
  if (route === 'POST /assets/search') return j({ iterable: [] }); // the seed's bare SearchedAssets
  if (route === 'POST /qgpt/relevance') return j({ iterable: [] }); // the seed's bare form
  if (route === 'POST /assets/a1/delete') return send(200, 'text/plain', 'a1');
  return send(404, 'text/plain', `no route ${route}`);
}

test('against a server that breaks the SDK: the SDK error, the missing envelope, the changed content', async () => {
  const server = createServer((req, res) => {
    let body = '';
    req
      .setEncoding('utf8')
      .on('data', (c: string) => {
        body += c;
      })
      .on('end', () => fake(req, res, body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const r = await runSdkSmoke({ baseUrl: url, loaded, allowDownloads: false, timeoutMs: 5000 });
    assert.match(step(r, 'version').error!, /^SyntaxError \(the SDK parsing the answer as JSON\): /);
    assert.match(step(r, 'connect').error!, /^ResponseError: 404 no route POST \/connect$/);
    assert.match(
      step(r, 'assetsSnapshot').error!,
      /^TypeError \(the SDK's FromJSON reading the answer\): Cannot read properties of undefined \(reading 'map'\)/,
    );
    assert.match(step(r, 'getAsset').error!, /^ResponseError: 410 Asset a1 no longer exists and is Gone\.$/);
    const create = step(r, 'createAsset');
    assert.equal(create.outcome, 'ok');
    assert.equal(create.content, 'changed');
    assert.match(create.note!, /differs from what was sent at character 0/);
    assert.equal(
      step(r, 'searchAssets').outcome,
      'ok',
      'the SDK itself does not notice: it answers results: undefined',
    );
    assert.match(
      step(r, 'searchAssets').shapeProblem!,
      /results\.iterable is missing: the answer lacks the \{results\} envelope/,
    );
    assert.match(step(r, 'relevance').shapeProblem!, /relevant\.iterable is missing/);
    const { cells, row } = sdkRow(r);
    assert.equal(cells['GET /asset/{}'].verdict, 'not-conformant');
    assert.match(
      cells['GET /asset/{}'].reason!,
      /^AssetApi\.assetSnapshot\(\) \[GET \/asset\/a1\?transferables=true → 410\]: ResponseError: 410/,
    );
    assert.equal(cells['POST /assets/search'].verdict, 'not-conformant');
    assert.match(cells['POST /assets/search'].reason!, /returned, but results\.iterable is missing/);
    assert.equal(cells['POST /assets/create'].verdict, 'not-conformant');
    assert.match(cells['POST /assets/create'].reason!, /content changed/);
    assert.equal(cells['GET /.well-known/health'].verdict, 'conformant');
    assert.match(row.detail!, /content createAsset: changed, updateAsset: changed; nothing left on the target/);
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
});

test('a missing SDK is one clear harness error', async () => {
  await assert.rejects(loadSdk('@pieces.app/no-such-sdk'), (err: unknown) => {
    assert.ok(err instanceof HarnessError);
    assert.equal(err.code, 'config');
    assert.match(
      err.toLine(),
      /^pieces-conformance: config error: the official TypeScript SDK @pieces\.app\/no-such-sdk could not be loaded \(.*\) \(install the dev dependencies \(npm ci\), or leave the SDK row out with --no-sdk\)$/,
    );
    return true;
  });
});
