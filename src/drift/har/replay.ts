/**
 * A recorded session replayed against the emulator, in the order it happened: each REST request
 * is sent again (same method, path, query, headers and body, with ids mapped), each WebSocket is
 * opened when it was opened, sent what the client sent when it sent it, and closed when it closed
 * (after the emulator's answer has settled). Both sides' answers come back as drift records.
 */
import WebSocket from 'ws';
import type { PathMatcher } from '../../contract/operations.js';
import { matchOperation } from '../../contract/operations.js';
import type { HarItem } from '../../report/har/index.js';
import type { WebSocketRecord } from '../../report/har/entries.js';
import type { StepRecord, StreamRecord } from '../scenario.js';
import { IdMap } from './ids.js';
import { stepOf, streamOf } from './records.js';

/** Request headers not replayed: each hop (and fetch) sets its own. */
const NOT_REPLAYED = new Set([
  'host',
  'content-length',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'accept-encoding',
  'te',
  'trailer',
  'proxy-connection',
]);

/** Statuses that end an answer or a download (the AsyncAPI grammar's terminals, and RESET). */
const TERMINAL = new Set(['COMPLETED', 'FAILED', 'STOPPED', 'CANCELED', 'RESET']);

/** How a replay runs. */
export interface ReplayOptions {
  matchers: PathMatcher[];
  timeoutMs?: number;
  /** A WebSocket's answer has settled after this much silence (default 1500 ms) ... */
  settleIdleMs?: number;
  /** ... or at most this long after its recorded close (default 15 s). */
  settleMaxMs?: number;
}

/** Both sides of the replay, step for step. */
export interface ReplayResult {
  recorded: { steps: StepRecord[]; streams: StreamRecord[] };
  emulator: { steps: StepRecord[]; streams: StreamRecord[] };
  ids: number;
}

type Event =
  | { at: number; kind: 'rest'; item: Extract<HarItem, { kind: 'rest' }> }
  | { at: number; kind: 'open' | 'close'; socket: OpenSocket }
  | { at: number; kind: 'send'; socket: OpenSocket; data: string; binary: boolean };

interface OpenSocket {
  item: Extract<HarItem, { kind: 'websocket' }>;
  record: WebSocketRecord;
  ws?: WebSocket;
  frames: string[];
  lastAt: number;
  error?: string;
}

function pathAndQuery(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

/** Replays the items against `emulatorUrl` (http://host:port). */
export async function replayHar(
  items: readonly HarItem[],
  emulatorUrl: string,
  o: ReplayOptions,
): Promise<ReplayResult> {
  const ids = new IdMap();
  const base = emulatorUrl.replace(/\/+$/, '');
  const opOf = (method: string, url: string, given?: string) =>
    given ?? matchOperation(o.matchers, method, new URL(url, 'http://x').pathname)?.operation.operationId;
  const result: ReplayResult = { recorded: { steps: [], streams: [] }, emulator: { steps: [], streams: [] }, ids: 0 };
  const events: Event[] = [];
  const sockets: OpenSocket[] = [];
  for (const item of items) {
    if (item.kind === 'rest') {
      events.push({ at: item.exchange.startedAt, kind: 'rest', item });
      continue;
    }
    const socket: OpenSocket = { item, record: item.socket, frames: [], lastAt: 0 };
    sockets.push(socket);
    events.push({ at: item.socket.openedAt, kind: 'open', socket });
    for (const m of item.socket.messages)
      if (m.type === 'send') events.push({ at: m.at, kind: 'send', socket, data: m.data, binary: m.binary === true });
    const end = item.socket.closedAt ?? Math.max(item.socket.openedAt, ...item.socket.messages.map((m) => m.at));
    events.push({ at: end, kind: 'close', socket });
  }
  const order = { open: 0, send: 1, rest: 2, close: 3 };
  events.sort((a, b) => a.at - b.at || order[a.kind] - order[b.kind]);

  for (const e of events) {
    if (e.kind === 'rest') {
      const ex = e.item.exchange;
      const path = pathAndQuery(ex.request.url);
      const step = `#${e.item.index + 1} ${ex.request.method} ${path.split('?')[0]}`;
      const operationId = opOf(ex.request.method, path, ex.operationId) ?? `${ex.request.method} ${path.split('?')[0]}`;
      result.recorded.steps.push(
        stepOf(
          step,
          operationId,
          ex.response && {
            status: ex.response.status,
            contentType: ex.response.headers['content-type'],
            body: ex.response.body,
          },
          ex.error,
        ),
      );
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(ex.request.headers)) if (!NOT_REPLAYED.has(k)) headers[k] = ids.apply(v);
      const hasBody = ex.request.body !== undefined && !['GET', 'HEAD'].includes(ex.request.method);
      try {
        const res = await fetch(`${base}${ids.apply(path)}`, {
          method: ex.request.method,
          headers,
          ...(hasBody ? { body: ids.apply(ex.request.body!) } : {}),
          redirect: 'manual',
          signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
        });
        const body = await res.text();
        if (ex.response) ids.learnBodies(ex.response.body, body);
        result.emulator.steps.push(
          stepOf(step, operationId, {
            status: res.status,
            contentType: res.headers.get('content-type') ?? undefined,
            body,
          }),
        );
      } catch (err) {
        result.emulator.steps.push(stepOf(step, operationId, undefined, (err as Error).message));
      }
    } else if (e.kind === 'open') {
      await openSocket(e.socket, base, ids, o.timeoutMs ?? 10_000);
    } else if (e.kind === 'send') {
      if (e.socket.ws?.readyState === WebSocket.OPEN)
        e.socket.ws.send(e.binary ? Buffer.from(e.data, 'base64') : ids.apply(e.data), { binary: e.binary });
    } else {
      await settle(e.socket, o);
      e.socket.ws?.close(1000);
    }
  }
  for (const s of sockets) {
    const path = pathAndQuery(s.record.url).split('?')[0];
    const step = `#${s.item.index + 1} WebSocket ${path}`;
    const operationId = opOf('GET', path, s.record.operationId) ?? `WebSocket ${path}`;
    const received = s.record.messages.filter((m) => m.type === 'receive').map((m) => m.data);
    const recordedError =
      s.record.status !== undefined && s.record.status !== 101 ? `upgrade answered ${s.record.status}` : undefined;
    result.recorded.streams.push(streamOf(step, operationId, received, recordedError));
    result.emulator.streams.push(streamOf(step, operationId, s.frames, s.error));
  }
  result.ids = ids.size;
  return result;
}

/** Opens the emulator's side of a recorded socket; frames are kept, and ids learned from them by position. */
function openSocket(s: OpenSocket, base: string, ids: IdMap, timeoutMs: number): Promise<void> {
  const url = `${base.replace(/^http/, 'ws')}${ids.apply(pathAndQuery(s.record.url))}`;
  const recordedFrames = s.record.messages.filter((m) => m.type === 'receive').map((m) => m.data);
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { handshakeTimeout: timeoutMs, perMessageDeflate: false });
    s.ws = ws;
    ws.on('message', (data, isBinary) => {
      const text = (data as Buffer).toString(isBinary ? 'base64' : 'utf8');
      const at = s.frames.push(text) - 1;
      s.lastAt = Date.now();
      if (recordedFrames[at] !== undefined) ids.learnBodies(recordedFrames[at], text);
    });
    ws.once('open', () => {
      s.lastAt = Date.now();
      resolve();
    });
    ws.once('unexpected-response', (_req, res) => {
      s.error = `upgrade answered ${res.statusCode}`;
      resolve();
    });
    ws.once('error', (err) => {
      s.error ??= `no WebSocket (${err.message})`;
      resolve();
    });
  });
}

/** Waits until the emulator's answer on a socket has as many terminal frames as the recording, or falls silent. */
async function settle(s: OpenSocket, o: ReplayOptions): Promise<void> {
  if (!s.ws || s.ws.readyState !== WebSocket.OPEN) return;
  const terminals = (frames: readonly string[]) =>
    frames.filter((f) => {
      try {
        return TERMINAL.has(JSON.parse(f)?.status);
      } catch {
        return false;
      }
    }).length;
  const wanted = terminals(s.record.messages.filter((m) => m.type === 'receive').map((m) => m.data));
  const deadline = Date.now() + (o.settleMaxMs ?? 15_000);
  const idle = o.settleIdleMs ?? 1500;
  while (Date.now() < deadline && s.ws.readyState === WebSocket.OPEN) {
    if (wanted > 0 && terminals(s.frames) >= wanted) return;
    if (Date.now() - s.lastAt > idle && (wanted === 0 || s.frames.length > 0)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
}
