/**
 * The proxy never alters traffic: a scripted upstream (plain node http + ws) records exactly what
 * reached it, and the client compares what came back. Headers (order, case, repeats; hop-by-hop
 * excepted, Host per the loopback rule), status and status text, text and binary bodies both
 * ways, chunked and empty answers, HEAD; WebSocket text and binary frames both ways, sub-protocol,
 * close codes both ways, a refused upgrade passed on as it came.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { loadSpec } from '../../../src/contract/index.js';
import { startProxy, type RunningProxy } from '../../../src/proxy/index.js';

const SPEC = new URL('../../../spec/pieces-os.openapi.yaml', import.meta.url).pathname;
const BINARY = randomBytes(4096); // not valid UTF-8: bytes must survive untouched

interface Seen {
  method: string;
  url: string;
  rawHeaders: string[];
  body: Buffer;
}

let upstream: http.Server;
let upstreamUrl: string;
let proxy: RunningProxy;
let reports: string;
const seen: Seen[] = [];
const wsSeen: Array<{ data: Buffer; binary: boolean }> = [];
let wsClose: { code: number; reason: string } | undefined;

function request(
  url: string,
  opts: { method?: string; headers?: string[]; body?: Buffer } = {},
): Promise<{ status: number; statusMessage: string; rawHeaders: string[]; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    // With raw headers node adds none itself: a request always names its Host (RFC 9112 §3.2).
    const headers = opts.headers?.some((h, i) => i % 2 === 0 && h.toLowerCase() === 'host')
      ? opts.headers
      : ['Host', u.host, ...(opts.headers ?? [])];
    const req = http.request(
      {
        hostname: u.hostname,
        port: u.port,
        path: `${u.pathname}${u.search}`,
        method: opts.method ?? 'GET',
        headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            statusMessage: res.statusMessage!,
            rawHeaders: res.rawHeaders,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** Raw headers without the fields any HTTP/1.1 hop sets for itself. */
function endToEnd(raw: string[]): string[] {
  const hop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date']);
  return raw
    .filter((_, i) => i % 2 === 0 && !hop.has(raw[i].toLowerCase()))
    .flatMap((name) => [name, raw[raw.indexOf(name) + 1]]);
}

before(async () => {
  upstream = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, rawHeaders: req.rawHeaders, body: Buffer.concat(chunks) });
      if (req.url === '/binary') {
        res.writeHead(201, 'Made It', [
          'Content-Type',
          'application/octet-stream',
          'X-Mixed-Case',
          'Yes',
          'Set-Cookie',
          'a=1',
          'Set-Cookie',
          'b=2',
          'Content-Length',
          String(BINARY.length),
        ]);
        res.end(req.method === 'HEAD' ? undefined : BINARY);
      } else if (req.url === '/chunked') {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        for (const part of ['one ', 'two ', 'three']) res.write(part);
        res.end();
      } else if (req.url === '/.well-known/version') {
        // Cut off mid-answer: headers and half a body, then the connection drops.
        res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': '100' });
        res.write('12.');
        setTimeout(() => res.socket?.destroy(), 10);
      } else if (req.url === '/.well-known/health') {
        // Slow: the client gives up first.
        setTimeout(() => {
          res.writeHead(200, { 'Content-Type': 'text/plain' });
          res.end('ok');
        }, 300);
      } else if (req.url === '/empty') {
        res.writeHead(204, { 'X-Why': 'nothing' });
        res.end();
      } else {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        res.end(Buffer.concat(chunks)); // echo
      }
    });
  });
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (p) => (p.has('pieces.v1') ? 'pieces.v1' : false),
  });
  upstream.on('upgrade', (req, socket, head) => {
    if (req.url === '/refused') {
      socket.end(
        'HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nX-Guard: origin\r\nContent-Length: 18\r\n\r\nforeign origin: no',
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('message', (data, binary) => {
        wsSeen.push({ data: data as Buffer, binary });
        if (!binary && data.toString() === 'close-me') ws.close(4001, 'bye from target');
        else ws.send(data as Buffer, { binary }); // echo, same type
      });
      ws.on('close', (code, reason) => {
        wsClose = { code, reason: reason.toString() };
      });
    });
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', () => r()));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  reports = mkdtempSync(join(tmpdir(), 'pc-proxy-unit-'));
  proxy = await startProxy({
    target: upstreamUrl,
    spec: await loadSpec(SPEC),
    reportsDir: reports,
    targetVersion: 'test',
  });
});

after(async () => {
  await proxy.close();
  await new Promise((r) => upstream.close(r));
  upstream.closeAllConnections();
  rmSync(reports, { recursive: true, force: true });
});

describe('HTTP pass-through', () => {
  test('status, status text, headers (case, order, repeats) and binary body come back unchanged', async () => {
    const direct = await request(`${upstreamUrl}/binary`);
    const proxied = await request(`${proxy.url}/binary`);
    assert.equal(proxied.status, 201);
    assert.equal(proxied.statusMessage, 'Made It');
    assert.deepEqual(endToEnd(proxied.rawHeaders), endToEnd(direct.rawHeaders));
    assert.ok(proxied.body.equals(BINARY), 'binary body byte for byte');
    assert.equal(proxied.rawHeaders.filter((h) => h === 'Set-Cookie').length, 2);
  });

  test("the request reaches the target unchanged: method, path and query, headers, binary body; Host becomes the target's", async () => {
    seen.length = 0;
    const headers = [
      'Host',
      new URL(proxy.url).host,
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
    const res = await request(`${proxy.url}/echo?a=1&b=%20x`, { method: 'PUT', headers, body: BINARY });
    assert.ok(res.body.equals(BINARY), 'echoed body');
    const got = seen.at(-1)!;
    assert.equal(got.method, 'PUT');
    assert.equal(got.url, '/echo?a=1&b=%20x');
    assert.ok(got.body.equals(BINARY));
    const names = got.rawHeaders.filter((_, i) => i % 2 === 0);
    assert.deepEqual(
      names.filter((n) => !['Connection', 'connection'].includes(n)),
      ['Host', 'X-Client', 'Accept', 'Accept', 'Content-Length'],
    );
    assert.equal(got.rawHeaders[1], new URL(upstreamUrl).host, 'loopback Host rewritten to the target');
    assert.ok(!got.rawHeaders.includes('X-Hop'), 'a field named by Connection is hop-by-hop');
  });

  test("a foreign Host reaches the target unchanged (the target's DNS-rebinding guard still sees it)", async () => {
    seen.length = 0;
    await request(`${proxy.url}/echo`, { headers: ['Host', 'evil.example:39300'] });
    assert.equal(seen.at(-1)!.rawHeaders[1], 'evil.example:39300');
  });

  test('a chunked answer, a 204 and a HEAD come through as they are', async () => {
    const chunked = await request(`${proxy.url}/chunked`);
    assert.equal(chunked.body.toString(), 'one two three');
    const empty = await request(`${proxy.url}/empty`);
    assert.equal(empty.status, 204);
    assert.equal(empty.body.length, 0);
    assert.ok(empty.rawHeaders.includes('X-Why'));
    const head = await request(`${proxy.url}/binary`, { method: 'HEAD' });
    assert.equal(head.status, 201);
    assert.equal(head.body.length, 0);
    assert.ok(head.rawHeaders.includes(String(BINARY.length)), 'HEAD keeps the Content-Length of the GET');
  });

  test('an answer the target cuts off is cut off for the client too, and judged as no response; a client that gives up is not judged', async () => {
    await assert.rejects(request(`${proxy.url}/.well-known/version`));
    await new Promise((r) => setTimeout(r, 30));
    const cut = proxy.monitor.allFailures().find((f) => f.operationId === 'getWellKnownVersion');
    assert.equal(cut?.failure.check, 'target_responded');
    assert.match(cut?.failure.facts ?? '', /cut off/);
    const before = proxy.monitor.operations.get('getWellKnownHealth')?.judged ?? 0;
    const gone = http.get(`${proxy.url}/.well-known/health`);
    gone.on('error', () => undefined);
    setTimeout(() => gone.destroy(), 50);
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(proxy.monitor.operations.get('getWellKnownHealth')?.judged ?? 0, before, 'not judged');
  });

  test('an unreachable target answers 502 from the proxy, and the exchange is a target_responded failure', async () => {
    const spec = await loadSpec(SPEC);
    const dead = await startProxy({ target: 'http://127.0.0.1:9', spec, reportsDir: reports, targetVersion: 'none' });
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

describe('WebSocket pass-through', () => {
  test("text and binary frames both ways, unchanged and of the same type; the sub-protocol is the target's", async () => {
    wsSeen.length = 0;
    const ws = new WebSocket(`${proxy.url.replace('http', 'ws')}/some/channel`, ['pieces.v1', 'other']);
    await new Promise((r, j) => {
      ws.once('open', r);
      ws.once('error', j);
    });
    assert.equal(ws.protocol, 'pieces.v1');
    const back: Array<{ data: Buffer; binary: boolean }> = [];
    ws.on('message', (data, binary) => back.push({ data: data as Buffer, binary }));
    const text = '{"question":{"query":"caf\u00e9 \u{1F680}"}}';
    ws.send(text);
    ws.send(BINARY, { binary: true });
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(
      wsSeen.map((m) => m.binary),
      [false, true],
    );
    assert.equal(wsSeen[0].data.toString(), text);
    assert.ok(wsSeen[1].data.equals(BINARY));
    assert.deepEqual(
      back.map((m) => m.binary),
      [false, true],
    );
    assert.equal(back[0].data.toString(), text);
    assert.ok(back[1].data.equals(BINARY));
    // The target's close code and reason reach the client.
    const closed = new Promise<[number, string]>((r) =>
      ws.once('close', (code, reason) => r([code, reason.toString()])),
    );
    ws.send('close-me');
    assert.deepEqual(await closed, [4001, 'bye from target']);
  });

  test("the client's close code and reason reach the target", async () => {
    wsClose = undefined;
    const ws = new WebSocket(`${proxy.url.replace('http', 'ws')}/qgpt/stream`);
    await new Promise((r) => ws.once('open', r));
    ws.close(4002, 'bye from client');
    for (let i = 0; i < 50 && !wsClose; i++) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(wsClose, { code: 4002, reason: 'bye from client' });
  });

  test('a refused upgrade is passed on as the target answered it', async () => {
    const ws = new WebSocket(`${proxy.url.replace('http', 'ws')}/refused`);
    ws.on('error', () => undefined); // terminate() after a refused upgrade reports an error
    const res = await new Promise<http.IncomingMessage>((r) => ws.once('unexpected-response', (_q, m) => r(m)));
    const body = await new Promise<string>((r) => {
      let b = '';
      res.on('data', (c) => (b += c));
      res.on('end', () => r(b));
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.headers['x-guard'], 'origin');
    assert.equal(body, 'foreign origin: no');
    ws.terminate();
  });
});
