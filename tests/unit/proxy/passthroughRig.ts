/**
 * The pass-through tests' rig: a scripted upstream (plain node http + ws) that records exactly what
 * reached it, and a proxy in front of it. `seen`, `wsSeen` and `wsClose` are what the upstream got.
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { loadSpec } from '../../../src/contract/index.js';
import { startProxy, type RunningProxy } from '../../../src/proxy/index.js';

export const SPEC = new URL('../../../spec/pieces-os.openapi.yaml', import.meta.url).pathname;
export const BINARY = randomBytes(4096); // not valid UTF-8: bytes must survive untouched

/** One HTTP request as the upstream received it. */
export interface Seen {
  method: string;
  url: string;
  rawHeaders: string[];
  body: Buffer;
}

/** The running upstream and proxy, and what the upstream received. */
export interface PassthroughRig {
  upstreamUrl: string;
  proxy: RunningProxy;
  reports: string;
  seen: Seen[];
  wsSeen: Array<{ data: Buffer; binary: boolean }>;
  wsClose: { code: number; reason: string } | undefined;
  close(): Promise<void>;
}

export function request(
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
export function endToEnd(raw: string[]): string[] {
  const hop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date']);
  return raw
    .filter((_, i) => i % 2 === 0 && !hop.has(raw[i].toLowerCase()))
    .flatMap((name) => [name, raw[raw.indexOf(name) + 1]]);
}

/** Starts the scripted upstream and a proxy in front of it. */
export async function startRig(): Promise<PassthroughRig> {
  const rig = { seen: [], wsSeen: [], wsClose: undefined } as unknown as PassthroughRig;
  const upstream = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      rig.seen.push({ method: req.method!, url: req.url!, rawHeaders: req.rawHeaders, body: Buffer.concat(chunks) });
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
        rig.wsSeen.push({ data: data as Buffer, binary });
        if (!binary && data.toString() === 'close-me') ws.close(4001, 'bye from target');
        else ws.send(data as Buffer, { binary }); // echo, same type
      });
      ws.on('close', (code, reason) => {
        rig.wsClose = { code, reason: reason.toString() };
      });
    });
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', () => r()));
  const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  const reports = mkdtempSync(join(tmpdir(), 'pc-proxy-unit-'));
  const proxy = await startProxy({
    target: upstreamUrl,
    spec: await loadSpec(SPEC),
    reportsDir: reports,
    targetVersion: 'test',
  });
  return Object.assign(rig, {
    upstreamUrl,
    proxy,
    reports,
    async close() {
      await proxy.close();
      await new Promise((r) => upstream.close(r));
      upstream.closeAllConnections();
      rmSync(reports, { recursive: true, force: true });
    },
  });
}
