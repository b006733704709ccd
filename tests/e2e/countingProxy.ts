/**
 * A pass-through proxy for the e2e tests that counts, at the target's door, what a run sent: each
 * HTTP request by operationId (matched against the contract), each text frame a client sent on
 * /qgpt/stream (a streamed prompt), and the JSON bodies of the operations a test asks to keep.
 */
import { Agent, createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { matchOperation, pathMatchers } from '../../src/contract/operations.js';
import type { LoadedSpec } from '../../src/contract/types.js';

/** What the proxy saw since the last reset. */
export interface Counts {
  /** Requests per operationId (`METHOD /path` when the contract has no such operation; WebSocket upgrades as `<op> (upgrade)`). */
  operations: Map<string, number>;
  /** Text frames clients sent on /qgpt/stream. */
  streamedPrompts: number;
  /** Bodies of the kept operations (JSON-parsed; stream frames under `qgptStream`). */
  bodies: Map<string, unknown[]>;
}

export interface CountingProxy {
  url: string;
  counts: Counts;
  reset(): void;
  close(): Promise<void>;
}

/** Counts the text frames in a client's WebSocket bytes (masked frames, RFC 6455 §5.2). */
function wsFrames(onText: (payload: Buffer) => void) {
  let buf = Buffer.alloc(0);
  return (chunk: Buffer) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      if (buf.length < 2) return;
      const opcode = buf[0] & 0x0f;
      const masked = (buf[1] & 0x80) !== 0;
      let len = buf[1] & 0x7f;
      let at = 2;
      if (len === 126) {
        if (buf.length < 4) return;
        len = buf.readUInt16BE(2);
        at = 4;
      } else if (len === 127) {
        if (buf.length < 10) return;
        len = Number(buf.readBigUInt64BE(2));
        at = 10;
      }
      const maskAt = at;
      if (masked) at += 4;
      if (buf.length < at + len) return;
      const payload = Buffer.from(buf.subarray(at, at + len));
      if (masked) for (let i = 0; i < payload.length; i++) payload[i] ^= buf[maskAt + (i % 4)];
      if (opcode === 1) onText(payload);
      buf = buf.subarray(at + len);
    }
  };
}

/** Starts a proxy to `target` (http://host:port) on a free loopback port. */
export async function startCountingProxy(
  target: string,
  spec: LoadedSpec,
  keep: string[] = [],
): Promise<CountingProxy> {
  const up = new URL(target);
  const matchers = pathMatchers(spec.operations.values());
  const counts: Counts = { operations: new Map(), streamedPrompts: 0, bodies: new Map() };
  const count = (op: string) => counts.operations.set(op, (counts.operations.get(op) ?? 0) + 1);
  const keepBody = (op: string, text: string) => {
    if (!keep.includes(op)) return;
    try {
      counts.bodies.set(op, [...(counts.bodies.get(op) ?? []), JSON.parse(text)]);
    } catch {
      // not JSON: nothing to keep
    }
  };
  const opOf = (method: string, url: string) => {
    const path = new URL(url, 'http://x').pathname;
    return matchOperation(matchers, method, path)?.operation.operationId ?? `${method} ${path}`;
  };
  const sockets = new Set<Socket>();
  const agent = new Agent({ keepAlive: true });
  const server: Server = createServer((req, res) => {
    const op = opOf(req.method ?? 'GET', req.url ?? '/');
    count(op);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      keepBody(op, body.toString('utf8'));
      const out = httpRequest(
        { host: up.hostname, port: up.port, method: req.method, path: req.url, headers: req.headers, agent },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      out.on('error', () => res.destroy());
      out.end(body);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('upgrade', (req, client: Socket, head: Buffer) => {
    const op = opOf('GET', req.url ?? '/');
    count(`${op} (upgrade)`);
    const upstream = connect(Number(up.port), up.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) upstream.write(head);
      const frames =
        op === 'qgptStream'
          ? wsFrames((payload) => {
              counts.streamedPrompts++;
              keepBody('qgptStream', payload.toString('utf8'));
            })
          : undefined;
      client.on('data', (c: Buffer) => {
        frames?.(c);
        upstream.write(c);
      });
      upstream.pipe(client);
    });
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.on('error', () => upstream.destroy());
  });
  // Idle client connections stay open longer than any client keeps them (no reuse-after-close race).
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    reset() {
      counts.operations.clear();
      counts.streamedPrompts = 0;
      counts.bodies.clear();
    },
    async close() {
      for (const s of sockets) s.destroy();
      agent.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
