/** The emulator's strict policy (--security strict): Host (DNS rebinding) and Origin (CSRF / WebSocket hijacking). */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../../emulator/index.js';
import { hostName, isAllowedHost, isAllowedOrigin } from '../../../emulator/security.js';
import { call, makeEmulator, type TestEmulator } from './helpers.js';
import { StreamClient } from './wsclient.js';

describe('emulator security: the strict policy', () => {
  const hosts: Array<[string | undefined, boolean]> = [
    ['localhost', true],
    ['localhost:39300', true],
    ['LOCALHOST:1', true],
    ['127.0.0.1', true],
    ['127.0.0.1:5323', true],
    ['[::1]', true],
    ['[::1]:39300', true],
    ['evil.example', false],
    ['evil.example:39300', false],
    ['localhost.evil.example', false],
    ['127.0.0.1.nip.io', false],
    ['192.168.1.10:39300', false],
    ['0.0.0.0', false],
    ['', false],
    [undefined, false],
  ];
  for (const [host, ok] of hosts) {
    test(`Host ${JSON.stringify(host)} is ${ok ? 'served' : 'refused'}`, () => assert.equal(isAllowedHost(host), ok));
  }
  test('hostName strips ports and keeps IPv6 brackets', () => {
    assert.equal(hostName('[::1]:80'), '[::1]');
    assert.equal(hostName('Example.COM:8080'), 'example.com');
  });

  const origins: Array<[string, boolean]> = [
    ['http://localhost:3000', true],
    ['https://127.0.0.1', true],
    ['http://[::1]:8080', true],
    ['chrome-extension://abcdefghijklmnop', true],
    ['moz-extension://1234-5678', true],
    ['safari-web-extension://x', true],
    ['https://evil.example', false],
    ['http://localhost.evil.example', false],
    ['null', false],
    ['file://', false],
    ['http://127.0.0.1.evil.example', false],
    ['not a url', false],
  ];
  for (const [origin, ok] of origins) {
    test(`Origin ${origin} is ${ok ? 'served' : 'refused'}`, () => assert.equal(isAllowedOrigin(origin), ok));
  }

  describe('over HTTP', () => {
    let em: TestEmulator;
    before(async () => {
      em = await makeEmulator({ security: 'strict' });
    });
    after(async () => {
      await em.close();
    });

    test('a foreign Host is 403 on known and unknown routes', async () => {
      for (const url of ['/.well-known/health', '/assets', '/no/such/route']) {
        const r = await call(em, 'GET', url, { headers: { host: 'evil.example:39300' } });
        assert.equal(r.status, 403, url);
        assert.match(r.type, /^text\/plain/);
      }
    });

    test('allowed origins get CORS headers; foreign origins get 403', async () => {
      const ok = await em.app.inject({
        method: 'GET',
        url: '/.well-known/health',
        headers: { host: 'localhost', origin: 'chrome-extension://abc' },
      });
      assert.equal(ok.statusCode, 200);
      assert.equal(ok.headers['access-control-allow-origin'], 'chrome-extension://abc');
      const bad = await em.app.inject({
        method: 'POST',
        url: '/assets/create',
        headers: { host: 'localhost', origin: 'https://evil.example', 'content-type': 'application/json' },
        payload: '{}',
      });
      assert.equal(bad.statusCode, 403);
    });

    test('CORS preflights: allowed origin 204 with the allowances, foreign origin 403', async () => {
      const pre = await em.app.inject({
        method: 'OPTIONS',
        url: '/assets/create',
        headers: {
          host: 'localhost',
          origin: 'http://localhost:5173',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      assert.equal(pre.statusCode, 204);
      assert.equal(pre.headers['access-control-allow-origin'], 'http://localhost:5173');
      assert.match(String(pre.headers['access-control-allow-methods']), /POST/);
      assert.equal(pre.headers['access-control-allow-headers'], 'content-type');
      const foreign = await em.app.inject({
        method: 'OPTIONS',
        url: '/assets/create',
        headers: {
          host: 'localhost',
          origin: 'https://evil.example',
          'access-control-request-method': 'POST',
        },
      });
      assert.equal(foreign.statusCode, 403);
    });
  });

  describe('on the WebSocket upgrade', () => {
    let live: RunningEmulator;
    before(async () => {
      live = await startEmulator({ port: 0, security: 'strict' });
    });
    after(async () => {
      await live.close();
    });

    const upgrade = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = request({
          host: '127.0.0.1',
          port: live.port,
          path: '/qgpt/stream',
          headers: {
            connection: 'Upgrade',
            upgrade: 'websocket',
            'sec-websocket-version': '13',
            'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
            ...headers,
          },
        });
        req.on('upgrade', (res, socket) => {
          socket.destroy();
          resolve(res.statusCode ?? 0);
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });

    test('a loopback upgrade without Origin succeeds', async () => {
      assert.equal(await upgrade({ host: `127.0.0.1:${live.port}` }), 101);
      const c = await StreamClient.open(live.url, { origin: 'moz-extension://abc' });
      c.close();
    });

    test('a foreign Host or Origin is refused before the upgrade (403)', async () => {
      assert.equal(await upgrade({ host: `evil.example:${live.port}` }), 403);
      assert.equal(await upgrade({ host: `localhost:${live.port}`, origin: 'https://evil.example' }), 403);
      await assert.rejects(StreamClient.open(live.url, { origin: 'https://evil.example' }), /403/);
    });
  });
});
