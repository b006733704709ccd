/**
 * Target discovery and fail-fast, against tiny node:http servers on 127.0.0.1:0 (never the real
 * Pieces OS ports): healthy, unhealthy, wrong answer, hanging and refused candidates.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { candidateUrls, discover } from '../../../src/target/discover.js';
import { probeHealth } from '../../../src/target/probe.js';
import { requireHealthy, resolveLiveTarget } from '../../../src/target/resolve.js';
import { HarnessError } from '../../../src/core/errors.js';

const servers: Server[] = [];

/** A server answering health with `status` and `body` after `delayMs` (Infinity: never), and a version. */
async function server(status: number, body: string, delayMs = 0): Promise<string> {
  const s = createServer((req, res) => {
    if (req.url === '/.well-known/version') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end('12.3.1');
    }
    if (delayMs === Infinity) return;
    setTimeout(() => {
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(body);
    }, delayMs);
  });
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

/** A URL whose port refuses connections (a server bound and closed again). */
async function refused(): Promise<string> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return `http://127.0.0.1:${port}`;
}

after(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
});

test('candidates: 39300-39333 first, then 1000, then 5323', () => {
  const c = candidateUrls();
  assert.equal(c.length, 36);
  assert.equal(c[0], 'http://127.0.0.1:39300');
  assert.equal(c[33], 'http://127.0.0.1:39333');
  assert.deepEqual(c.slice(34), ['http://127.0.0.1:1000', 'http://127.0.0.1:5323']);
});

test('probe: healthy only for a 2xx whose text starts with ok', async () => {
  const rows: Array<[string, boolean, RegExp]> = [
    [await server(200, 'ok'), true, /^ok$/],
    [await server(200, 'OK (degraded)'), true, /^OK/],
    [await server(200, 'nope'), false, /^nope$/],
    [await server(503, 'ok'), false, /^ok$/],
    [await server(200, 'ok', Infinity), false, /no answer within 3000 ms/],
    [await refused(), false, /ECONNREFUSED/],
  ];
  for (const [url, healthy, detail] of rows) {
    // 3 s, not a tight bound: a loaded CI machine may take hundreds of ms to answer a local probe.
    const p = await probeHealth(url, 3000);
    assert.equal(p.healthy, healthy, `${url}: ${p.detail}`);
    assert.match(p.detail, detail);
  }
});

test('discover: all candidates at once, the first healthy one in candidate order wins', async () => {
  const slowHealthy = await server(200, 'ok', 150);
  const fastHealthy = await server(200, 'ok');
  const candidates = [
    await refused(),
    await server(200, 'nope'),
    await server(200, 'ok', Infinity),
    await server(200, 'ok', Infinity),
    slowHealthy,
    fastHealthy,
  ];
  const t0 = Date.now();
  const found = await discover(candidates, { timeoutMs: 3000 });
  assert.equal(found.url, slowHealthy);
  assert.equal(found.probes.length, 6);
  // Two hanging candidates: probed one after the other they would take at least 6 s.
  assert.ok(Date.now() - t0 < 5500, 'probes run in parallel');
});

test('discover: nothing healthy → no url', async () => {
  const found = await discover([await refused(), await server(500, 'down')], { timeoutMs: 300 });
  assert.equal(found.url, undefined);
});

test('resolveLiveTarget(auto) answers the discovered URL and its version', async () => {
  const healthy = await server(200, 'ok');
  const t = await resolveLiveTarget({ baseUrl: 'auto' }, { candidates: [await refused(), healthy] });
  assert.deepEqual(t, { url: healthy, kind: 'live', version: '12.3.1' });
});

test('resolveLiveTarget(auto) with nothing running: one target error naming the ports and the fix', async () => {
  const candidates = [await refused(), await refused()];
  await assert.rejects(
    () => resolveLiveTarget({ baseUrl: 'auto' }, { candidates }),
    (e: unknown) =>
      e instanceof HarnessError &&
      e.code === 'target' &&
      /found no Pieces OS \(probed 2 ports on http:\/\/127\.0\.0\.1/.test(e.message) &&
      /PIECES_BASE_URL/.test(e.hint ?? ''),
  );
});

test('an unreachable URL fails fast (< 10 s) with one line naming it and the fix', async () => {
  const url = await refused();
  const t0 = Date.now();
  await assert.rejects(
    () => requireHealthy(url, { deadlineMs: 1500 }),
    (e: unknown) => {
      assert.ok(e instanceof HarnessError);
      assert.equal(e.code, 'target');
      assert.match(
        e.toLine(),
        new RegExp(
          `^pieces-conformance: target error: no healthy Pieces OS at ${url.replace(/\./g, '\\.')} \\(GET /\\.well-known/health: ECONNREFUSED\\) \\(start Pieces OS`,
        ),
      );
      return true;
    },
  );
  assert.ok(Date.now() - t0 < 10_000);
});

test('a hanging URL fails within the deadline; an unhealthy one says what it answered', async () => {
  const hanging = await server(200, 'ok', Infinity);
  const t0 = Date.now();
  await assert.rejects(() => requireHealthy(hanging, { deadlineMs: 1000 }), /no answer within/);
  assert.ok(Date.now() - t0 < 4000);
  const starting = await server(503, 'starting');
  await assert.rejects(() => requireHealthy(starting, { deadlineMs: 3000 }), /HTTP 503 "starting"/);
});

test('a healthy URL passes', async () => {
  await requireHealthy(await server(200, 'ok'));
});
