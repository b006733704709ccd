/**
 * One `/qgpt/stream` socket: sends requests, validates every frame as it arrives, records it with
 * its arrival time, and attributes it to its request by the echoed `request` id. Every request
 * ends: with its terminal frame, its timeout, silence (idle timeout) or the socket's close. A
 * missing terminal frame is a fact for the grammar check, never a hung test.
 */
import WebSocket from 'ws';
import type { Intent } from '../core/types.js';
import { HarnessError } from '../core/errors.js';
import type { ValidatorSet } from '../validate/validators.js';
import { attributeFrame, closeDetail, messageText, readFrame } from './frames.js';
import { chunkOf, firstConversationOf, isQgptTerminal, statusOf } from './frames.js';
import type { RequestEnd, SocketLog, StreamRequest } from './types.js';

/** Timeouts of a socket and of its requests, in ms. */
export interface SocketTimeouts {
  connectMs: number;
  requestMs: number;
  /** A request that receives no frame for this long after its first one ends (`idle`). */
  idleMs: number;
  /** A request that receives no first frame for this long ends (`idle`); default idleMs. */
  firstFrameMs?: number;
}

/** How a request is sent. */
export interface AskOptions {
  /** The `request` id; default: the session's next id. */
  id?: string;
  intent?: Intent;
  token?: string;
  reference?: string;
  timeoutMs?: number;
}

/** A request in flight: its record, and promises for its first chunk and its end. */
export interface AskHandle {
  id: string;
  request: StreamRequest;
  /** Resolves true at the first chunk, false if the request ended without one. */
  firstChunk: Promise<boolean>;
  /** Resolves when the request ended (terminal frame, timeout, silence or close); never rejects. */
  done: Promise<StreamRequest>;
}

interface Pending {
  req: StreamRequest;
  timers: NodeJS.Timeout[];
  idle?: NodeJS.Timeout;
  onChunk: (v: boolean) => void;
  onEnd: (r: StreamRequest) => void;
}

/**
 * Opens a WebSocket; a refused or timed-out upgrade rejects with a target HarnessError.
 * `onOpen` runs synchronously in the `open` event, before any frame can be emitted: a server that
 * speaks first (the download progress channel) may send its first frames in the same TCP segment
 * as the upgrade response, and `ws` emits them before an `await connect()` continuation would run.
 * Attach listeners there, never after the await.
 */
export function connect(
  url: string,
  timeoutMs: number,
  options: WebSocket.ClientOptions = {},
  onOpen?: (ws: WebSocket) => void,
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { handshakeTimeout: timeoutMs, ...options });
    ws.once('open', () => {
      onOpen?.(ws);
      resolve(ws);
    });
    ws.once('unexpected-response', (_req, res) => {
      reject(new HarnessError('target', `${url}: WebSocket upgrade refused with HTTP ${res.statusCode}`));
      res.resume();
      ws.terminate();
    });
    ws.once('error', (err) =>
      reject(new HarnessError('target', `${url}: WebSocket connection failed: ${err.message}`)),
    );
  });
}

/** One open `/qgpt/stream` socket. Create with `StreamSession.open()`. */
export class QgptStreamSocket {
  readonly log: SocketLog;
  private readonly pending = new Map<string, Pending>();
  private readonly byId = new Map<string, StreamRequest>();

  constructor(
    private readonly ws: WebSocket,
    id: string,
    url: string,
    private readonly timeouts: SocketTimeouts,
    private readonly nextId: () => string,
    private readonly onRequest: (req: StreamRequest) => void,
    private readonly validators?: ValidatorSet,
  ) {
    this.log = { id, url, openedAt: Date.now(), frames: [], requests: [], orphans: [] };
    ws.on('message', (data, isBinary) => this.receive(messageText(data as Buffer, isBinary)));
    ws.on('close', (code, reason) => this.closed(code, reason.toString()));
    ws.on('error', () => undefined); // a reset connection also emits close, which ends the requests
  }

  /** Sends a JSON request; its `request` id is set from options (or the session's next id). */
  ask(input: Record<string, unknown>, options: AskOptions = {}): AskHandle {
    const id = options.id ?? (typeof input.request === 'string' ? input.request : this.nextId());
    const body = { ...input, request: id };
    return this.send(JSON.stringify(body), body, id, true, options);
  }

  /**
   * Sends any text (a malformed input). `label` names it in reports; when the text is JSON with a
   * string `request`, that id is expected back, otherwise the answer is claimed as the only open request.
   */
  sendRaw(text: string, label: string, options: Omit<AskOptions, 'id'> = {}): AskHandle {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    const echoed =
      value && typeof value === 'object' && typeof (value as any).request === 'string'
        ? ((value as any).request as string)
        : undefined;
    return this.send(text, value, echoed ?? label, echoed !== undefined, { intent: 'negative', ...options });
  }

  /** Sends the stop command for a request (`{conversation, stop: true, request}`). */
  stop(id: string): void {
    const req = this.byId.get(id);
    if (!req) throw new HarnessError('usage', `stop: no request ${id} on socket ${this.log.id}`);
    const conversation = req.conversation ?? firstConversationOf(req.frames);
    req.stopSentAtMs = Date.now() - req.sentAt;
    this.rawSend(JSON.stringify({ request: id, conversation, stop: true }));
  }

  /**
   * Sends the reset command (`{reset: true, request}`), tracked as a request of its own whose
   * terminal frame is the RESET acknowledgement; every request in flight may then end (RESET too).
   */
  reset(): AskHandle {
    const now = Date.now();
    for (const p of this.pending.values()) p.req.resetSentAtMs = now - p.req.sentAt;
    const id = this.nextId();
    const body = { reset: true, request: id };
    const handle = this.send(JSON.stringify(body), body, id, true, { intent: 'neutral' });
    handle.request.resetSentAtMs = 0;
    return handle;
  }

  /** Whether the socket is still open. */
  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** Closes the socket (normal closure); open requests end `closed`. */
  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    const gone = new Promise<void>((resolve) => this.ws.once('close', () => resolve()));
    this.log.closed ??= { code: 1000, reason: 'closed by the harness', at: Date.now(), byClient: true };
    this.ws.close(1000);
    const timer = setTimeout(() => this.ws.terminate(), 1000);
    await gone;
    clearTimeout(timer);
  }

  private rawSend(text: string): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(text);
  }

  private send(text: string, value: unknown, id: string, echoExpected: boolean, options: AskOptions): AskHandle {
    if (this.byId.has(id))
      throw new HarnessError('usage', `request id ${id} was already used on socket ${this.log.id}`);
    const conv = value && typeof value === 'object' ? (value as any).conversation : undefined;
    const req: StreamRequest = {
      id,
      socket: this.log.id,
      rawInput: text,
      input: value,
      intent: options.intent ?? 'positive',
      echoExpected,
      token: options.token,
      reference: options.reference,
      conversation: typeof conv === 'string' ? conv : undefined,
      sentAt: Date.now(),
      frames: [],
      timeoutMs: options.timeoutMs ?? this.timeouts.requestMs,
    };
    this.byId.set(id, req);
    this.log.requests.push(req);
    this.onRequest(req);
    let onChunk!: (v: boolean) => void;
    let onEnd!: (r: StreamRequest) => void;
    const firstChunk = new Promise<boolean>((r) => (onChunk = r));
    const done = new Promise<StreamRequest>((r) => (onEnd = r));
    const p: Pending = { req, timers: [], onChunk, onEnd };
    this.pending.set(id, p);
    if (this.ws.readyState !== WebSocket.OPEN) {
      const c = this.log.closed;
      this.end(p, {
        kind: 'not-sent',
        atMs: 0,
        detail: c ? closeDetail(c.code, c.reason) : 'not open',
      });
    } else {
      p.timers.push(
        setTimeout(
          () => this.end(p, { kind: 'timeout', atMs: Date.now() - req.sentAt, detail: `${req.timeoutMs} ms` }),
          req.timeoutMs,
        ),
      );
      this.touch(p);
      this.ws.send(text);
    }
    return { id, request: req, firstChunk, done };
  }

  /** (Re)arms the silence timer: the first-frame budget until a frame came, then the idle budget. */
  private touch(p: Pending): void {
    if (p.idle) clearTimeout(p.idle);
    const first = p.req.frames.length === 0;
    const ms = first ? (this.timeouts.firstFrameMs ?? this.timeouts.idleMs) : this.timeouts.idleMs;
    const detail = first ? `${ms} ms before the first frame` : `${ms} ms`;
    p.idle = setTimeout(() => this.end(p, { kind: 'idle', atMs: Date.now() - p.req.sentAt, detail }), ms);
  }

  private end(p: Pending, end: RequestEnd): void {
    if (!this.pending.delete(p.req.id)) return;
    for (const t of p.timers) clearTimeout(t);
    if (p.idle) clearTimeout(p.idle);
    p.req.end = end;
    p.onChunk(false);
    p.onEnd(p.req);
  }

  private receive(raw: string): void {
    const frame = readFrame(raw, {
      seq: this.log.frames.length + 1,
      channel: 'qgptStream',
      validators: this.validators,
    });
    this.log.frames.push(frame);
    const req = attributeFrame(
      frame,
      this.byId,
      [...this.pending.values()].map((p) => p.req),
    );
    if (!req) {
      this.log.orphans.push(frame);
      return;
    }
    req.frames.push(frame);
    const p = this.pending.get(req.id);
    if (!p) return; // a frame after the end: kept for the grammar check
    this.touch(p);
    if (chunkOf(frame).length > 0) p.onChunk(true);
    if (isQgptTerminal(statusOf(frame), req.resetSentAtMs !== undefined)) {
      this.end(p, { kind: 'terminal', atMs: frame.receivedAt - req.sentAt });
    }
  }

  private closed(code: number, reason: string): void {
    const at = Date.now();
    this.log.closed ??= { code, reason, at, byClient: false };
    for (const p of [...this.pending.values()]) {
      this.end(p, { kind: 'closed', atMs: at - p.req.sentAt, detail: closeDetail(code, reason) });
    }
  }
}
