/**
 * A test's stream session: the sockets it opened, every request it sent (ids and tokens unique
 * across sockets, so crosstalk between sockets is recognisable), its download watches, and the
 * subjects the stream checks judge once everything has ended.
 */
import { randomBytes } from 'node:crypto';
import type { ValidatorSet } from '../validate/validators.js';
import { readSettings, timeBudgets, type TimeBudgets } from '../settings/index.js';
import { connect, QgptStreamSocket, type SocketTimeouts } from './socket.js';
import { watchDownload, type ProgressHandle } from './progress.js';
import { budgetsFromEnv, timeoutFromEnv } from './timing.js';
import type { ProgressWatch, StreamRequest, StreamSubject, TimingBudgets } from './types.js';
import type WebSocket from 'ws';

/** How a session connects and how long it waits. */
export interface StreamSessionOptions {
  /** The target's base URL (`http://127.0.0.1:39300`). */
  baseUrl: string;
  /** Validates every frame on arrival (the contract's message schemas). */
  validators?: ValidatorSet;
  timeouts?: Partial<SocketTimeouts>;
  /** Ms to keep listening after the last answer ended, to catch frames after a terminal one. */
  settleMs?: number;
  budgets?: TimingBudgets;
  /** How long a download watch waits for its terminal frame (default: the download budget). */
  downloadMs?: number;
}

/** The time budgets' stream timeouts (src/settings/budgets.ts) and the settle time (PIECES_STREAM_SETTLE_MS). */
export function streamTimeoutsFromEnv(env: NodeJS.ProcessEnv = process.env): Required<SocketTimeouts> & {
  settleMs: number;
  downloadMs: number;
} {
  const b = timeBudgets(readSettings(env));
  return { ...socketTimeoutsOf(b), downloadMs: b.downloadMs, settleMs: timeoutFromEnv('streamSettleMs', 150, env) };
}

/** A socket's timeouts from the time budgets. */
export function socketTimeoutsOf(b: TimeBudgets): Required<SocketTimeouts> {
  return { connectMs: b.connectMs, requestMs: b.answerMs, idleMs: b.idleMs, firstFrameMs: b.firstFrameMs };
}

/** `ws://host:port/path` from an http(s) base URL. */
export function wsUrl(baseUrl: string, path: string): string {
  const u = new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.toString();
}

/** Every socket, request and watch of one test. */
export class StreamSession {
  readonly sockets: QgptStreamSocket[] = [];
  readonly requests: StreamRequest[] = [];
  readonly watches: ProgressWatch[] = [];
  private readonly handles: ProgressHandle[] = [];
  private readonly timeouts: SocketTimeouts;
  private readonly settleMs: number;
  private readonly downloadMs: number;
  private readonly budgets: TimingBudgets;
  private readonly tag = randomBytes(3).toString('hex');
  private requestCount = 0;
  private tokenCount = 0;

  constructor(private readonly options: StreamSessionOptions) {
    const env = streamTimeoutsFromEnv();
    const { settleMs: _, downloadMs, ...fromBudgets } = env;
    this.timeouts = { ...fromBudgets, ...options.timeouts };
    this.downloadMs = options.downloadMs ?? downloadMs;
    this.settleMs = options.settleMs ?? env.settleMs;
    this.budgets = options.budgets ?? budgetsFromEnv();
  }

  /** A fresh token for a query: fixed length, so no token holds another. */
  token(): string {
    this.tokenCount += 1;
    return `ZQ${this.tag.toUpperCase()}T${String(this.tokenCount).padStart(3, '0')}`;
  }

  /** Opens a socket on `/qgpt/stream` (a refused upgrade rejects with a target HarnessError). */
  async open(options: WebSocket.ClientOptions = {}): Promise<QgptStreamSocket> {
    const url = wsUrl(this.options.baseUrl, '/qgpt/stream');
    let socket!: QgptStreamSocket;
    // The socket's listeners attach inside `open`, so an unsolicited first frame is recorded too.
    await connect(url, this.timeouts.connectMs, options, (ws) => {
      socket = new QgptStreamSocket(
        ws,
        `s${this.sockets.length + 1}`,
        url,
        this.timeouts,
        () => `r-${++this.requestCount}`,
        (req) => this.requests.push(req),
        this.options.validators,
      );
    });
    this.sockets.push(socket);
    return socket;
  }

  /** Opens `/model/{model}/download/progress` and watches it until a terminal status or the download budget. */
  async watchDownload(
    model: string,
    options: { expectTerminal?: string; timeoutMs?: number } = {},
  ): Promise<ProgressHandle> {
    const url = wsUrl(this.options.baseUrl, `/model/${encodeURIComponent(model)}/download/progress`);
    const handle = await watchDownload(url, model, {
      timeoutMs: options.timeoutMs ?? this.downloadMs,
      connectMs: this.timeouts.connectMs,
      expectTerminal: options.expectTerminal,
      validators: this.options.validators,
      settleMs: this.settleMs,
    });
    this.watches.push(handle.watch);
    this.handles.push(handle);
    return handle;
  }

  /** Waits until every request and watch has ended, then `settleMs` more for late frames. */
  async settle(): Promise<void> {
    // Bounded by the longest wait any of them was given (a download watch has the download budget).
    const longest = Math.max(this.timeouts.requestMs, ...this.watches.map((w) => w.timeoutMs));
    const deadline = Date.now() + longest + 1000;
    while (Date.now() < deadline && (this.requests.some((r) => !r.end) || this.watches.some((w) => !w.end))) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, this.settleMs));
  }

  /** One subject per request and per download watch, for the stream checks. */
  subjects(): StreamSubject[] {
    const logs = new Map(this.sockets.map((s) => [s.log.id, s.log]));
    return [
      ...this.requests.map((request) => ({
        channel: 'qgptStream' as const,
        request,
        socket: logs.get(request.socket)!,
        peers: this.requests,
        budgets: this.budgets,
      })),
      ...this.watches.map((watch) => ({ channel: 'modelDownloadProgress' as const, watch })),
    ];
  }

  /** Closes every socket and watch. */
  async close(): Promise<void> {
    await Promise.all([...this.sockets.map((s) => s.close()), ...this.handles.map((h) => h.close())]);
  }
}
