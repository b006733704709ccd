/**
 * WebSocket through the proxy. The client's upgrade is first tried on the target with the same
 * path, query, headers (Origin, cookies, ...; Host as for HTTP) and sub-protocols:
 * - the target refuses it (403 for a foreign Origin, 404, ...): the client gets that answer as it
 *   came (status, headers, body), and the exchange is judged like any other;
 * - the target accepts: the proxy completes the client's handshake with the same sub-protocol and
 *   relays every message both ways, unchanged (text stays text, binary stays binary, the same
 *   bytes), and each side's close code and reason to the other. Ping/pong are answered per hop.
 * Messages on the contract's channels are handed to their tap (validation, grammar, judging).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import WebSocket, { WebSocketServer } from 'ws';
import type { Exchange } from '../core/types.js';
import { matchOperation, type PathMatcher } from '../contract/operations.js';
import type { ValidatorSet } from '../validate/validators.js';
import { WS_HANDSHAKE, forwardHeaders, headerRecord } from './headers.js';
import { pathnameOf } from './http.js';
import type { ProxyMonitor } from './monitor.js';
import type { HarRecorder } from '../report/har/recorder.js';
import { ProgressTap } from './progressTap.js';
import { QgptTap } from './qgptTap.js';

/** What every proxied upgrade shares. */
export interface WsContext {
  target: URL;
  targetHost: string;
  preserveHost: boolean;
  matchers: PathMatcher[];
  validators: ValidatorSet;
  monitor: ProxyMonitor;
  wss: WebSocketServer;
  nextId(): string;
  /** Open relays, so the proxy can close them on shutdown and report answers in flight. */
  live: Set<Relay>;
  handshakeTimeoutMs: number;
  /** Silence after which an open streamed answer is judged as never ending. */
  streamIdleMs?: number;
  /** The session's HAR (`--har FILE`), when one is kept. */
  har?: HarRecorder;
}

/** One relayed connection. */
export interface Relay {
  client?: WebSocket;
  upstream: WebSocket;
  tap?: QgptTap | ProgressTap;
}

const NOTES = Symbol('pieces-conformance upstream handshake');
type UpgradeNotes = IncomingMessage & { [NOTES]?: { protocol?: string; rawHeaders: string[] } };

/** The server side of the relay: it answers the client's handshake the way the target answered the proxy's. */
export function relayServer(): WebSocketServer {
  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    handleProtocols: (_offered, req) => (req as UpgradeNotes)[NOTES]?.protocol ?? false,
  });
  wss.on('headers', (headers, req) => {
    const raw = (req as UpgradeNotes)[NOTES]?.rawHeaders ?? [];
    const own = new Set([
      'upgrade',
      'connection',
      'sec-websocket-accept',
      'sec-websocket-protocol',
      'sec-websocket-extensions',
    ]);
    for (let i = 0; i < raw.length; i += 2)
      if (!own.has(raw[i].toLowerCase())) headers.push(`${raw[i]}: ${raw[i + 1]}`);
  });
  return wss;
}

/** Close codes that may not be sent in a close frame (RFC 6455 §7.4.1: 1005, 1006, 1015 are reserved). */
function sendable(code: number): boolean {
  return (
    (code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006) || (code >= 3000 && code <= 4999)
  );
}

/** Ends one side with the other side's close code and reason (or a plain close when it cannot be sent). */
function closeWith(ws: WebSocket, code: number, reason: Buffer): void {
  if (ws.readyState === WebSocket.CLOSED || ws.readyState === WebSocket.CLOSING) return;
  if (ws.readyState === WebSocket.CONNECTING) {
    ws.terminate();
    return;
  }
  if (sendable(code)) ws.close(code, reason);
  else if (code === 1005) ws.close();
  else ws.terminate();
}

/** Writes an HTTP answer on a raw socket (a refused upgrade, passed on as the target sent it). */
function writeRawResponse(
  socket: Duplex,
  status: number,
  statusText: string,
  rawHeaders: readonly string[],
  body: Buffer,
): void {
  const lines = [`HTTP/1.1 ${status} ${statusText}`];
  const headers = forwardHeaders(rawHeaders);
  const hasLength = headers.some((h, i) => i % 2 === 0 && h.toLowerCase() === 'content-length');
  for (let i = 0; i < headers.length; i += 2) lines.push(`${headers[i]}: ${headers[i + 1]}`);
  if (!hasLength) lines.push(`Content-Length: ${body.length}`);
  lines.push('Connection: close', '', '');
  socket.end(Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), body]));
}

/** Proxies one upgrade request. */
export function forwardUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, ctx: WsContext): void {
  const url = req.url ?? '/';
  const pathname = pathnameOf(url);
  const startedAt = Date.now();
  const t0 = performance.now();
  const matched = matchOperation(ctx.matchers, 'GET', pathname);
  const protocols = (req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const targetUrl = new URL(url, ctx.target);
  targetUrl.protocol = ctx.target.protocol === 'https:' ? 'wss:' : 'ws:';
  const headers = forwardHeaders(req.rawHeaders, {
    targetHost: ctx.preserveHost ? undefined : ctx.targetHost,
    drop: WS_HANDSHAKE,
  });
  const record: Record<string, string> = {};
  for (let i = 0; i < headers.length; i += 2) record[headers[i]] = headers[i + 1];
  const upstream = new WebSocket(targetUrl, protocols, {
    headers: record,
    perMessageDeflate: false,
    handshakeTimeout: ctx.handshakeTimeoutMs,
    followRedirects: false,
  });
  const relay: Relay = { upstream };
  const early: Array<[WebSocket.RawData, boolean]> = [];
  socket.on('error', () => upstream.terminate());

  const exchange = (
    status: number | undefined,
    resHeaders: readonly string[],
    body: string,
    error?: string,
  ): Exchange => ({
    id: ctx.nextId(),
    operationId: matched?.operation.operationId,
    pathParams: matched?.pathParams,
    request: { method: 'GET', url: `${ctx.target.origin}${url}`, headers: headerRecord(req.rawHeaders) },
    ...(status !== undefined ? { response: { status, headers: headerRecord(resHeaders), body } } : {}),
    ...(error ? { error } : {}),
    startedAt,
    durationMs: Math.round((performance.now() - t0) * 10) / 10,
    intent: 'neutral',
  });

  // Settled once the client has its answer (a refusal passed on, or a 502); later errors are noise.
  let settled = false;
  upstream.once('unexpected-response', (_r, res) => {
    settled = true;
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => {
      const body = Buffer.concat(chunks);
      writeRawResponse(socket, res.statusCode ?? 502, res.statusMessage ?? '', res.rawHeaders, body);
      const refused = exchange(res.statusCode, res.rawHeaders, body.toString('utf8'));
      ctx.monitor.judgeExchange(refused, matched?.operation, pathname);
      ctx.har?.exchange(refused);
      upstream.terminate();
    });
  });
  upstream.on('error', (err) => {
    if (relay.client || settled) return;
    settled = true;
    if (!socket.destroyed)
      writeRawResponse(
        socket,
        502,
        'Bad Gateway',
        ['Content-Type', 'text/plain; charset=utf-8'],
        Buffer.from(
          `pieces-conformance proxy: the target ${ctx.target.origin} did not accept the WebSocket (${err.message})\n`,
        ),
      );
    const failed = exchange(undefined, [], '', err.message);
    ctx.monitor.judgeExchange(failed, matched?.operation, pathname);
    ctx.har?.exchange(failed);
  });
  upstream.on('message', (data, isBinary) => {
    if (!relay.client) early.push([data, isBinary]);
  });

  // The target's 101 answer: its sub-protocol and its other headers (cookies, ...) go to the client.
  upstream.once('upgrade', (res) => {
    (req as UpgradeNotes)[NOTES] = { protocol: res.headers['sec-websocket-protocol'], rawHeaders: res.rawHeaders };
  });
  upstream.once('open', () => {
    ctx.wss.handleUpgrade(req, socket, head, (client) => {
      relay.client = client;
      ctx.live.add(relay);
      const opId = matched?.operation.operationId;
      if (opId === 'qgptStream')
        relay.tap = new QgptTap(ctx.nextId(), targetUrl.toString(), ctx.validators, ctx.monitor, {
          idleMs: ctx.streamIdleMs,
        });
      else if (opId === 'modelDownloadProgress')
        relay.tap = new ProgressTap(matched!.pathParams.model ?? '', targetUrl.toString(), ctx.validators, ctx.monitor);
      else ctx.monitor.judgeExchange(exchange(101, [], ''), matched?.operation, pathname); // counted (unknown channel or an upgrade the contract lists otherwise)
      const recorded = ctx.har?.openSocket({
        url: targetUrl.toString(),
        openedAt: startedAt,
        ...(opId ? { operationId: opId } : {}),
        status: 101,
        requestHeaders: headerRecord(req.rawHeaders),
        messages: [],
      });
      const note = (type: 'send' | 'receive', data: WebSocket.RawData, isBinary: boolean) =>
        recorded?.messages.push({
          type,
          at: Date.now(),
          data: (data as Buffer).toString(isBinary ? 'base64' : 'utf8'),
          ...(isBinary ? { binary: true } : {}),
        });
      const toClient = (data: WebSocket.RawData, isBinary: boolean) => {
        client.send(data as Buffer, { binary: isBinary });
        note('receive', data, isBinary);
        relay.tap?.fromServer(data as Buffer, isBinary);
      };
      upstream.removeAllListeners('message');
      for (const [data, isBinary] of early.splice(0)) toClient(data, isBinary);
      upstream.on('message', toClient);
      client.on('message', (data, isBinary) => {
        if (upstream.readyState === WebSocket.OPEN) upstream.send(data as Buffer, { binary: isBinary });
        note('send', data, isBinary);
        if (relay.tap instanceof QgptTap) relay.tap.fromClient(data as Buffer, isBinary);
      });
      let closedBy: 'client' | 'target' | undefined;
      // Whichever side closes first closes the other with its code; the tap hears of the first close only.
      const closedFrom = (side: 'client' | 'target', other: WebSocket) => (code: number, reason: Buffer) => {
        closedBy ??= side;
        closeWith(other, code, reason);
        if (closedBy === side) relay.tap?.closed(code, reason.toString(), side === 'client');
        if (recorded) ctx.har?.closeSocket(recorded);
        ctx.live.delete(relay);
      };
      client.on('close', closedFrom('client', upstream));
      upstream.on('close', closedFrom('target', client));
      client.on('error', () => upstream.terminate());
      upstream.on('error', () => client.terminate());
    });
  });
}
