/**
 * A passive view of one `/qgpt/stream` connection through the proxy: the client's messages become
 * the requests, the server's frames are validated on arrival and attributed to their request the
 * way the suite's client does (echoed id, else the one open request of the conversation, else
 * the only open request). Each answer is judged by the stream checks a moment after its terminal
 * frame (late frames are judged again), or when the socket closes. Nothing here sends anything.
 */
import { attributeFrame, closeDetail, messageText, readFrame } from '../stream/frames.js';
import { firstConversationOf, isQgptTerminal, statusOf } from '../stream/frames.js';
import type { QgptStreamSubject, SocketLog, StreamRequest } from '../stream/types.js';
import type { Intent } from '../core/types.js';
import type { ValidatorSet } from '../validate/validators.js';
import type { ProxyMonitor } from './monitor.js';

/** A long-lived socket keeps this many recent requests (and unclaimed frames) for the checks. */
const KEEP = 200;
const INPUT = '#/components/schemas/QGPTStreamInput';

/** How long after a terminal frame an answer is judged (frames after it are the grammar's business). */
export const SETTLE_MS = 250;
/** An open answer that receives no frame for this long has gone silent: judged as ended without a terminal frame. */
export const IDLE_MS = 10_000;

/** What a client message is: a request (with its intent), a stop, or nothing readable. */
export type ClientMessage =
  | { kind: 'request'; id?: string; intent: Intent; conversation?: string; value?: unknown }
  | { kind: 'stop'; id?: string; conversation?: string };

/**
 * Reads a client message: `{stop: true}` is a stop; `{reset: true}` a neutral request; an input
 * that is JSON, valid against QGPTStreamInput and holds a relevance or a question is positive;
 * anything else (not JSON, wrong types, neither relevance nor question) is negative, and must be
 * refused in-band.
 */
export function classifyClientMessage(text: string, validators: ValidatorSet): ClientMessage {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'request', intent: 'negative' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return { kind: 'request', intent: 'negative', value };
  const v = value as Record<string, unknown>;
  const id = typeof v.request === 'string' ? v.request : undefined;
  const conversation = typeof v.conversation === 'string' ? v.conversation : undefined;
  if (v.stop === true) return { kind: 'stop', id, conversation };
  if (v.reset === true) return { kind: 'request', id, intent: 'neutral', conversation, value };
  const valid = validators
    .validateAt(INPUT, value, 'message', 'request')
    .diagnostics.every((d) => d.severity !== 'error');
  const asks = v.relevance !== undefined || v.question !== undefined;
  return { kind: 'request', id, intent: valid && asks ? 'positive' : 'negative', conversation, value };
}

/** One proxied `/qgpt/stream` socket. */
export class QgptTap {
  readonly log: SocketLog;
  private readonly open = new Map<string, StreamRequest>();
  private readonly byId = new Map<string, StreamRequest>();
  private readonly judged = new Set<StreamRequest>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly idle = new Map<StreamRequest, NodeJS.Timeout>();
  private count = 0;
  private seq = 0;

  constructor(
    id: string,
    url: string,
    private readonly validators: ValidatorSet,
    private readonly monitor: ProxyMonitor,
    private readonly timing: { settleMs?: number; idleMs?: number } = {},
  ) {
    this.log = { id, url, openedAt: Date.now(), frames: [], requests: [], orphans: [] };
  }

  /** A message the client sent (already forwarded). */
  fromClient(data: Buffer | string, isBinary: boolean): void {
    const text = messageText(data, isBinary);
    const m = classifyClientMessage(text, this.validators);
    const now = Date.now();
    if (m.kind === 'stop') {
      const req =
        (m.id !== undefined ? this.byId.get(m.id) : undefined) ??
        [...this.open.values()].find((r) => (r.conversation ?? firstConversationOf(r.frames)) === m.conversation);
      if (req && !req.end) req.stopSentAtMs = now - req.sentAt;
      return;
    }
    if (m.intent === 'neutral') for (const r of this.open.values()) r.resetSentAtMs = now - r.sentAt;
    const id = m.id ?? `${this.log.id}-message-${++this.count}`;
    const previous = this.byId.get(id);
    if (previous) this.judge(previous, false); // the client reuses ids: the earlier answer is done with
    const req: StreamRequest = {
      id,
      socket: this.log.id,
      rawInput: text,
      input: m.value,
      intent: m.intent,
      echoExpected: m.id !== undefined,
      conversation: m.conversation,
      sentAt: now,
      frames: [],
      timeoutMs: 0,
      ...(m.intent === 'neutral' ? { resetSentAtMs: 0 } : {}),
    };
    this.byId.set(id, req);
    this.open.set(id, req);
    this.log.requests.push(req);
    this.touch(req);
  }

  /** (Re)arms the silence timer of an open answer. */
  private touch(req: StreamRequest): void {
    const old = this.idle.get(req);
    if (old) clearTimeout(old);
    const ms = this.timing.idleMs ?? IDLE_MS;
    const t = setTimeout(() => {
      this.idle.delete(req);
      if (req.end) return;
      req.end = { kind: 'idle', atMs: Date.now() - req.sentAt, detail: `${ms} ms` };
      this.judge(req, false);
    }, ms);
    t.unref();
    this.idle.set(req, t);
  }

  private untouch(req: StreamRequest): void {
    const t = this.idle.get(req);
    if (t) clearTimeout(t);
    this.idle.delete(req);
  }

  /** A frame the server pushed (already forwarded). */
  fromServer(data: Buffer | string, isBinary: boolean): void {
    this.monitor.frames++;
    const frame = readFrame(messageText(data, isBinary), {
      seq: ++this.seq,
      channel: 'qgptStream',
      validators: this.validators,
      binary: isBinary,
    });
    // The socket's own frame list is not read by any check; a long-lived socket keeps only its tail.
    this.log.frames.push(frame);
    if (this.log.frames.length > KEEP * 10) this.log.frames.splice(0, KEEP * 5);
    const req = attributeFrame(frame, this.byId, [...this.open.values()]);
    if (!req) {
      this.log.orphans.push(frame);
      if (this.log.orphans.length > KEEP) this.log.orphans.shift();
      return;
    }
    req.frames.push(frame);
    if (this.judged.has(req)) {
      this.schedule(req, true);
      return;
    }
    if (req.end) return;
    if (isQgptTerminal(statusOf(frame), req.resetSentAtMs !== undefined)) {
      req.end = { kind: 'terminal', atMs: frame.receivedAt - req.sentAt };
      this.open.delete(req.id);
      this.untouch(req);
      this.schedule(req, false);
    } else {
      this.touch(req);
    }
  }

  /** The socket closed; `byClient`: the client closed it (answers still open were cut short by it). */
  closed(code: number, reason: string, byClient: boolean): void {
    const at = Date.now();
    this.log.closed ??= { code, reason, at, byClient };
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const t of this.idle.values()) clearTimeout(t);
    this.idle.clear();
    for (const req of this.log.requests) {
      if (this.judged.has(req)) continue;
      if (!req.end) req.end = { kind: 'closed', atMs: at - req.sentAt, detail: closeDetail(code, reason) };
      this.judge(req, byClient && req.end.kind === 'closed');
    }
    this.open.clear();
  }

  /** Answers still running (for the report written while the proxy runs). */
  get inFlight(): number {
    return this.open.size;
  }

  private schedule(req: StreamRequest, rejudge: boolean): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      this.judge(req, false, rejudge);
    }, this.timing.settleMs ?? SETTLE_MS);
    this.timers.add(t);
  }

  private judge(req: StreamRequest, cutShort: boolean, rejudge = false): void {
    if (this.judged.has(req) && !rejudge) return;
    this.judged.add(req);
    this.open.delete(req.id);
    this.untouch(req);
    const subject: QgptStreamSubject = {
      channel: 'qgptStream',
      request: req,
      socket: this.log,
      peers: this.log.requests,
    };
    this.monitor.judgeStream(subject, {
      cutShort,
      rejudge,
      durationMs: req.end?.atMs,
      label: `request ${req.id} on socket ${this.log.id}`,
    });
    this.prune();
  }

  /** Forgets the oldest judged requests of a long-lived socket. */
  private prune(): void {
    while (this.log.requests.length > KEEP) {
      const old = this.log.requests[0];
      if (!this.judged.has(old)) break;
      this.log.requests.shift();
      this.judged.delete(old);
      if (this.byId.get(old.id) === old) this.byId.delete(old.id);
    }
  }
}
