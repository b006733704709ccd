/**
 * The records of the stream suite: frames as they arrived, requests grouped by their `request` id,
 * sockets, and the subjects the stream checks judge. Plain data: a test can build them by hand.
 */
import type { Diagnostic, Intent } from '../core/types.js';

/** The channels of the AsyncAPI document, named by their OpenAPI operationId. */
export type StreamChannel = 'qgptStream' | 'modelDownloadProgress';

/** Statuses that end one answer on `/qgpt/stream` (RESET too, but only after a reset command). */
export const QGPT_TERMINAL = ['COMPLETED', 'FAILED', 'STOPPED', 'CANCELED'] as const;

/** Statuses that end one download on `/model/{model}/download/progress`. */
export const DOWNLOAD_TERMINAL = ['COMPLETED', 'FAILED', 'CANCELED'] as const;

/** One text frame the server pushed, as received. */
export interface StreamFrame {
  /** Position on its socket, from 1. */
  seq: number;
  /** Epoch ms of arrival. */
  receivedAt: number;
  /** The raw text of the frame. */
  raw: string;
  /** The parsed JSON (undefined when `parseError` is set). */
  value?: unknown;
  parseError?: string;
  /** Findings of validating `value` against the channel's message schema, made on arrival. */
  diagnostics?: Diagnostic[];
  /** How the frame was attributed to its request (`echo`: it carried the id). */
  attributed?: 'echo' | 'conversation' | 'single-open';
}

/** How a request stopped being watched. */
export interface RequestEnd {
  /** `not-sent`: the socket had already closed when the request was to be sent. */
  kind: 'terminal' | 'timeout' | 'idle' | 'closed' | 'not-sent';
  /** Ms since the request was sent. */
  atMs: number;
  /** Close code and reason, or which timeout. */
  detail?: string;
}

/** One request sent on `/qgpt/stream` and every frame attributed to it. */
export interface StreamRequest {
  /** The `request` id the client sent (or a local label when the input had none, e.g. not JSON). */
  id: string;
  /** The socket it was sent on. */
  socket: string;
  /** The text frame sent. */
  rawInput: string;
  /** The input as a value (undefined when not JSON). */
  input?: unknown;
  /** positive: a valid request that must be answered; negative: malformed, must fail in-band. */
  intent: Intent;
  /** Whether the server could read the id (false for an input that is not JSON). */
  echoExpected: boolean;
  /** A unique marker the query carries; the server's answer to another request must not hold it. */
  token?: string;
  /** What `POST /qgpt/question` answers for the same input (the chunks must concatenate to it). */
  reference?: string;
  /** The conversation named in the input, if any. */
  conversation?: string;
  /** Epoch ms when the frame was sent. */
  sentAt: number;
  frames: StreamFrame[];
  /** Ms since sending when a stop command for this request was sent. */
  stopSentAtMs?: number;
  /** Ms since sending when a reset command was sent on the socket while this request was open. */
  resetSentAtMs?: number;
  end?: RequestEnd;
  /** The request's own timeout in ms. */
  timeoutMs: number;
}

/** One socket: every frame it received, its requests, and frames no request could claim. */
export interface SocketLog {
  id: string;
  url: string;
  /** Epoch ms when the socket opened. */
  openedAt: number;
  frames: StreamFrame[];
  requests: StreamRequest[];
  /** Frames that carried an unknown (or no) request id while zero or several requests were open. */
  orphans: StreamFrame[];
  /** How the socket closed; `byClient` when the harness closed it. */
  closed?: { code: number; reason: string; at: number; byClient: boolean };
}

/** Time budgets for an answer, in ms (unset: not judged). */
export interface TimingBudgets {
  ttfcMs?: number;
  gapMs?: number;
  totalMs?: number;
}

/** The timing figures of one answer, in ms since the request was sent. */
export interface AnswerTimings {
  request: string;
  frames: number;
  chunks: number;
  /** Time to the first chunk (first frame with text); undefined when no chunk arrived. */
  ttfcMs?: number;
  /** The largest gap between consecutive frames after the first chunk. */
  maxGapMs?: number;
  /** Time to the terminal frame (or to the end of watching). */
  totalMs?: number;
  terminal?: string;
}

/** What a `/qgpt/stream` check judges: one request, with its socket and its peers for context. */
export interface QgptStreamSubject {
  channel: 'qgptStream';
  request: StreamRequest;
  socket: SocketLog;
  /** Every request of the same session, on any socket (to recognise crosstalk). */
  peers: readonly StreamRequest[];
  budgets?: TimingBudgets;
}

/** One watch of `/model/{model}/download/progress`. */
export interface ProgressWatch {
  model: string;
  url: string;
  /** Epoch ms when the socket was opened. */
  openedAt: number;
  frames: StreamFrame[];
  /** The terminal status the test expects (COMPLETED after a download, CANCELED after a cancel). */
  expectTerminal?: string;
  end?: RequestEnd;
  timeoutMs: number;
}

/** What a download-progress check judges. */
export interface ProgressSubject {
  channel: 'modelDownloadProgress';
  watch: ProgressWatch;
}

/** Any subject of a stream check. */
export type StreamSubject = QgptStreamSubject | ProgressSubject;
