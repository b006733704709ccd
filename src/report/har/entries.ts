/**
 * HAR entries from what the harness saw, and back: an Exchange (a REST request and its response,
 * or the transport error instead) is one entry; a WebSocket is one entry for its upgrade carrying
 * every message sent and received in `_webSocketMessages`. Bodies longer than MAX_HAR_BODY are cut
 * (`content.size` keeps the full length, and a comment says so).
 */
import type { Exchange, Intent } from '../../core/types.js';
import type { HarEntry, HarNameValue, HarWebSocketMessage } from './types.js';

/** Bodies longer than this (characters) are cut in the HAR. */
export const MAX_HAR_BODY = 256 * 1024;

/** Where a test was when the exchange happened (kept as `_project` and `_test`). */
export interface HarContext {
  project?: string;
  test?: string;
}

const STATUS_TEXT: Record<number, string> = {
  101: 'Switching Protocols',
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function headerList(headers: Record<string, string> = {}): HarNameValue[] {
  return Object.entries(headers).map(([name, value]) => ({ name, value: String(value) }));
}

function queryOf(url: string): HarNameValue[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function cut(text: string): { text: string; comment?: string } {
  return text.length > MAX_HAR_BODY
    ? { text: text.slice(0, MAX_HAR_BODY), comment: `body cut at ${MAX_HAR_BODY} of ${text.length} characters` }
    : { text };
}

/** One REST exchange as a HAR entry. */
export function entryOfExchange(ex: Exchange, context: HarContext = {}): HarEntry {
  const reqBody = ex.request.body;
  const res = ex.response;
  const resBody = res ? cut(res.body) : undefined;
  return {
    startedDateTime: new Date(ex.startedAt).toISOString(),
    time: Math.max(0, ex.durationMs),
    request: {
      method: ex.request.method.toUpperCase(),
      url: ex.request.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headerList(ex.request.headers),
      queryString: queryOf(ex.request.url),
      ...(reqBody !== undefined
        ? { postData: { mimeType: ex.request.headers['content-type'] ?? '', text: cut(reqBody).text } }
        : {}),
      headersSize: -1,
      bodySize: reqBody === undefined ? 0 : Buffer.byteLength(reqBody),
    },
    response: {
      status: res?.status ?? 0,
      statusText: res ? (STATUS_TEXT[res.status] ?? '') : '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headerList(res?.headers),
      content: {
        size: res ? Buffer.byteLength(res.body) : 0,
        mimeType: res?.headers['content-type'] ?? '',
        ...(resBody ? { text: resBody.text } : {}),
        ...(resBody?.comment ? { comment: resBody.comment } : {}),
      },
      redirectURL: res?.headers.location ?? '',
      headersSize: -1,
      bodySize: res ? Buffer.byteLength(res.body) : -1,
    },
    cache: {},
    timings: { send: 0, wait: Math.max(0, ex.durationMs), receive: 0 },
    ...(ex.operationId ? { _operationId: ex.operationId } : {}),
    _intent: ex.intent,
    ...(ex.note ? { _note: ex.note } : {}),
    ...(context.project ? { _project: context.project } : {}),
    ...(context.test ? { _test: context.test } : {}),
    ...(ex.error ? { _error: ex.error } : {}),
  };
}

/** One WebSocket as it was seen: where, when it opened, each message (epoch ms) in order. */
export interface WebSocketRecord {
  url: string;
  openedAt: number;
  /** Epoch ms when it closed (or when watching ended). */
  closedAt?: number;
  operationId?: string;
  /** The upgrade's status (101 when it was accepted). */
  status?: number;
  requestHeaders?: Record<string, string>;
  responseHeaders?: Record<string, string>;
  /** Text as is; a binary message base64-encoded with `binary` set (opcode 2, as Chrome writes it). */
  messages: Array<{ type: 'send' | 'receive'; at: number; data: string; binary?: boolean }>;
}

/** A WebSocket as one HAR entry (its upgrade), its messages in `_webSocketMessages` in time order. */
export function entryOfWebSocket(ws: WebSocketRecord, context: HarContext = {}): HarEntry {
  const messages: HarWebSocketMessage[] = [...ws.messages]
    .sort((a, b) => a.at - b.at)
    .map((m) => ({ type: m.type, time: m.at / 1000, opcode: m.binary ? 2 : 1, data: m.data }));
  const last = ws.closedAt ?? Math.max(ws.openedAt, ...ws.messages.map((m) => m.at));
  const status = ws.status ?? 101;
  return {
    startedDateTime: new Date(ws.openedAt).toISOString(),
    time: Math.max(0, last - ws.openedAt),
    request: {
      method: 'GET',
      url: ws.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headerList(ws.requestHeaders),
      queryString: queryOf(ws.url),
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status,
      statusText: STATUS_TEXT[status] ?? '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headerList(ws.responseHeaders),
      content: { size: 0, mimeType: '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: 0,
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    _resourceType: 'websocket',
    _webSocketMessages: messages,
    ...(ws.operationId ? { _operationId: ws.operationId } : {}),
    ...(context.project ? { _project: context.project } : {}),
    ...(context.test ? { _test: context.test } : {}),
  };
}

/** Whether an entry is a WebSocket (Chrome's `_resourceType`, messages, or a ws: URL). */
export function isWebSocketEntry(e: HarEntry): boolean {
  return e._resourceType === 'websocket' || Array.isArray(e._webSocketMessages) || /^wss?:/i.test(e.request.url);
}

function headerRecord(list: HarNameValue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of list) {
    const k = h.name.toLowerCase();
    if (k.startsWith(':')) continue; // HTTP/2 pseudo-headers
    out[k] = out[k] === undefined ? h.value : `${out[k]}, ${h.value}`;
  }
  return out;
}

const INTENTS = new Set(['positive', 'negative', 'neutral']);

/** A REST entry back as an Exchange (`id` given by the caller). */
export function exchangeOfEntry(e: HarEntry, id: string): Exchange {
  const c = e.response.content;
  const body =
    c.text === undefined ? '' : c.encoding === 'base64' ? Buffer.from(c.text, 'base64').toString('utf8') : c.text;
  const answered = e.response.status > 0;
  return {
    id,
    ...(e._operationId ? { operationId: e._operationId } : {}),
    request: {
      method: e.request.method.toUpperCase(),
      url: e.request.url,
      headers: headerRecord(e.request.headers),
      ...(e.request.postData?.text !== undefined ? { body: e.request.postData.text } : {}),
    },
    ...(answered ? { response: { status: e.response.status, headers: headerRecord(e.response.headers), body } } : {}),
    ...(answered ? {} : { error: e._error ?? 'no response' }),
    startedAt: Date.parse(e.startedDateTime),
    durationMs: e.time,
    intent: (INTENTS.has(e._intent ?? '') ? e._intent : 'neutral') as Intent,
    ...(e._note ? { note: e._note } : {}),
  };
}

/** A WebSocket entry back as a record (message times in epoch ms). */
export function webSocketOfEntry(e: HarEntry): WebSocketRecord {
  return {
    url: e.request.url,
    openedAt: Date.parse(e.startedDateTime),
    closedAt: Date.parse(e.startedDateTime) + e.time,
    ...(e._operationId ? { operationId: e._operationId } : {}),
    status: e.response.status,
    requestHeaders: headerRecord(e.request.headers),
    responseHeaders: headerRecord(e.response.headers),
    messages: (e._webSocketMessages ?? []).map((m) => ({
      type: m.type,
      at: Math.round(m.time * 1000),
      data: m.data,
      ...(m.opcode === 2 ? { binary: true } : {}),
    })),
  };
}
