/**
 * The proxy never alters HTTP traffic: headers (order, case, repeats; hop-by-hop excepted, Host per
 * the loopback rule), status and status text, text and binary bodies both ways, chunked and empty
 * answers, HEAD, a cut-off answer, an unreachable target. The rig: passthroughRig.ts.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { loadSpec } from '../../../src/contract/index.js';
import { startProxy } from '../../../src/proxy/index.js';
import { BINARY, endToEnd, request, SPEC, startRig, type PassthroughRig } from './passthroughRig.js';

let rig: PassthroughRig;
before(async () => {
  rig = await startRig();
});
after(async () => {
  await rig.close();
});

describe('HTTP pass-through', () => {
  test('status, status text, headers (case, order, repeats) and binary body come back unchanged', async () => {
    const direct = await request(`${rig.upstreamUrl}/binary`);
    const proxied = await request(`${rig.proxy.url}/binary`);
    assert.equal(proxied.status, 201);
    assert.equal(proxied.statusMessage, 'Made It');
    assert.deepEqual(endToEnd(proxied.rawHeaders), endToEnd(direct.rawHeaders));
    assert.ok(proxied.body.equals(BINARY), 'binary body byte for byte');
    assert.equal(proxied.rawHeaders.filter((h) => h === 'Set-Cookie').length, 2);
  });

  test("the request reaches the target unchanged: method, path and query, headers, binary body; Host becomes the target's", async () => {
    rig.seen.length = 0;
    const headers = [
      'Host',
      new URL(rig.proxy.url).host,
      'X-Client',
      'Plugin/1.0',
      'Accept',
      'application/json',
      'Accept',
      'text/plain',
      'Connection',
      'keep-alive, X-Hop',
      'X-Hop',
      'dropped',
      'Content-Length',
      String(BINARY.length),
    ];
    const res = await request(`${rig.proxy.url}/echo?a=1&b=%20x`, { method: 'PUT', headers, body: BINARY });
    assert.ok(res.body.equals(BINARY), 'echoed body');
    const got = rig.seen.at(-1)!;
    assert.equal(got.method, 'PUT');
    assert.equal(got.url, '/echo?a=1&b=%20x');
    assert.ok(got.body.equals(BINARY));
    const names = got.rawHeaders.filter((_, i) => i % 2 === 0);
    assert.deepEqual(
      names.filter((n) => !['Connection', 'connection'].includes(n)),
      ['Host', 'X-Client', 'Accept', 'Accept', 'Content-Length'],
    );
    assert.equal(got.rawHeaders[1], new URL(rig.upstreamUrl).host, 'loopback Host rewritten to the target');
    assert.ok(!got.rawHeaders.includes('X-Hop'), 'a field named by Connection is hop-by-hop');
  });

  test("a foreign Host reaches the target unchanged (the target's DNS-rebinding guard still sees it)", async () => {
    rig.seen.length = 0;
    await request(`${rig.proxy.url}/echo`, { headers: ['Host', 'evil.example:39300'] });
    assert.equal(rig.seen.at(-1)!.rawHeaders[1], 'evil.example:39300');
  });

  test('a chunked answer, a 204 and a HEAD come through as they are', async () => {
    const chunked = await request(`${rig.proxy.url}/chunked`);
    assert.equal(chunked.body.toString(), 'one two three');
    const empty = await request(`${rig.proxy.url}/empty`);
    assert.equal(empty.status, 204);
    assert.equal(empty.body.length, 0);
    assert.ok(empty.rawHeaders.includes('X-Why'));
    const head = await request(`${rig.proxy.url}/binary`, { method: 'HEAD' });
    assert.equal(head.status, 201);
    assert.equal(head.body.length, 0);
    assert.ok(head.rawHeaders.includes(String(BINARY.length)), 'HEAD keeps the Content-Length of the GET');
  });

  test('an answer the target cuts off is cut off for the client too, and judged as no response; a client that gives up is not judged', async () => {
    await assert.rejects(request(`${rig.proxy.url}/.well-known/version`));
    await new Promise((r) => setTimeout(r, 30));
    const cut = rig.proxy.monitor.allFailures().find((f) => f.operationId === 'getWellKnownVersion');
    assert.equal(cut?.failure.check, 'target_responded');
    assert.match(cut?.failure.facts ?? '', /cut off/);
    const before = rig.proxy.monitor.operations.get('getWellKnownHealth')?.judged ?? 0;
    const gone = http.get(`${rig.proxy.url}/.well-known/health`);
    gone.on('error', () => undefined);
    setTimeout(() => gone.destroy(), 50);
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(rig.proxy.monitor.operations.get('getWellKnownHealth')?.judged ?? 0, before, 'not judged');
  });

  test('an unreachable target answers 502 from the rig.proxy, and the exchange is a target_responded failure', async () => {
    const spec = await loadSpec(SPEC);
    const dead = await startProxy({
      target: 'http://127.0.0.1:9',
      spec,
      reportsDir: rig.reports,
      targetVersion: 'none',
    });
    try {
      const res = await request(`${dead.url}/.well-known/health`);
      assert.equal(res.status, 502);
      await new Promise((r) => setTimeout(r, 20));
      assert.ok(dead.monitor.allFailures().some((f) => f.failure.check === 'target_responded'));
    } finally {
      await dead.close();
    }
  });
});
