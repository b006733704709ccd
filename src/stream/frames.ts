/** Reading frames: recording a received message, its status, chunk, ids, its request, and a short description for messages. */
import type { ValidatorSet } from '../validate/validators.js';
import { DOWNLOAD_TERMINAL, QGPT_TERMINAL, type StreamFrame, type StreamRequest, type StreamSubject } from './types.js';

/** The OpenAPI component each channel's server messages are validated against. */
export const MESSAGE_SCHEMA: Record<StreamSubject['channel'], string> = {
  qgptStream: '#/components/schemas/QGPTStreamOutput',
  modelDownloadProgress: '#/components/schemas/ModelDownloadProgress',
};

/** A WebSocket message as recorded text: a binary one by its size only. */
export function messageText(data: Buffer | string, isBinary: boolean): string {
  return isBinary ? `<binary ${data.length} bytes>` : data.toString();
}

/** How a close is told in an end's detail: `code 1000 bye`. */
export function closeDetail(code: number, reason: string): string {
  return `code ${code}${reason ? ` ${reason}` : ''}`;
}

/** How a received message becomes a frame: its place on the socket, its channel, and the validators (none: not validated). */
export interface FrameReading {
  seq: number;
  channel: StreamSubject['channel'];
  validators?: ValidatorSet;
  /** A binary message is recorded unparsed, with the parse error `a binary frame`. */
  binary?: boolean;
}

/** A received message as a frame, stamped now: parsed as JSON and, when it parsed, validated against its channel's message schema. */
export function readFrame(raw: string, how: FrameReading): StreamFrame {
  const frame: StreamFrame = { seq: how.seq, receivedAt: Date.now(), raw };
  if (how.binary) frame.parseError = 'a binary frame';
  else {
    try {
      frame.value = JSON.parse(raw);
    } catch (err) {
      frame.parseError = String((err as Error).message);
    }
  }
  if (frame.parseError === undefined && how.validators)
    frame.diagnostics = how.validators.validateAt(MESSAGE_SCHEMA[how.channel], frame.value, 'frame').diagnostics;
  return frame;
}

/**
 * The request a `/qgpt/stream` frame belongs to, noted on the frame (`attributed`): the echoed id
 * first; else the one open request with this conversation; else the only open request.
 */
export function attributeFrame(
  frame: StreamFrame,
  byId: ReadonlyMap<string, StreamRequest>,
  open: readonly StreamRequest[],
): StreamRequest | undefined {
  const id = requestIdOf(frame);
  const byEcho = id !== undefined ? byId.get(id) : undefined;
  if (byEcho) {
    frame.attributed = 'echo';
    return byEcho;
  }
  const conv = conversationOf(frame);
  if (conv !== undefined) {
    const same = open.filter((r) => (r.conversation ?? firstConversationOf(r.frames)) === conv);
    if (same.length === 1) {
      frame.attributed = 'conversation';
      return same[0];
    }
  }
  if (open.length === 1) {
    frame.attributed = 'single-open';
    return open[0];
  }
  return undefined;
}

function field(frame: StreamFrame, key: string): unknown {
  const v = frame.value;
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined;
}

/** The frame's `status` as written (undefined when absent or not a string). */
export function statusOf(frame: StreamFrame): string | undefined {
  const s = field(frame, 'status');
  return typeof s === 'string' ? s : undefined;
}

/** The frame's `request` id, when it carries a string one. */
export function requestIdOf(frame: StreamFrame): string | undefined {
  const r = field(frame, 'request');
  return typeof r === 'string' ? r : undefined;
}

/** The frame's `conversation`, when it carries a non-empty string one. */
export function conversationOf(frame: StreamFrame): string | undefined {
  const c = field(frame, 'conversation');
  return typeof c === 'string' && c.length > 0 ? c : undefined;
}

/** The first conversation any of the frames names (a request's conversation, as the server told it). */
export function firstConversationOf(frames: readonly StreamFrame[]): string | undefined {
  for (const f of frames) {
    const c = conversationOf(f);
    if (c !== undefined) return c;
  }
  return undefined;
}

/** The answer chunk a frame carries: `question.answers.iterable[0].text` ('' when none). */
export function chunkOf(frame: StreamFrame): string {
  const q = field(frame, 'question') as any;
  const text = q?.answers?.iterable?.[0]?.text;
  return typeof text === 'string' ? text : '';
}

/** The frame's `errorMessage`, when it carries a non-empty string one. */
export function errorMessageOf(frame: StreamFrame): string | undefined {
  const e = field(frame, 'errorMessage');
  return typeof e === 'string' && e.trim().length > 0 ? e : undefined;
}

/** Whether a status ends an answer; RESET does only after a reset command. */
export function isQgptTerminal(status: string | undefined, afterReset = false): boolean {
  if (status === undefined) return false;
  return (QGPT_TERMINAL as readonly string[]).includes(status) || (afterReset && status === 'RESET');
}

/** Whether a download-progress status ends the download (COMPLETED, FAILED, CANCELED). */
export function isDownloadTerminal(status: string | undefined): boolean {
  return status !== undefined && (DOWNLOAD_TERMINAL as readonly string[]).includes(status);
}

/** Ms between sending the request and the frame's arrival. */
export function atMs(req: { sentAt: number }, frame: StreamFrame): number {
  return Math.max(0, Math.round(frame.receivedAt - req.sentAt));
}

/** `IN-PROGRESS at +12 ms`: how messages name a frame. */
export function describeFrame(req: { sentAt: number }, frame: StreamFrame): string {
  const status =
    frame.parseError !== undefined ? 'a frame that is not JSON' : (statusOf(frame) ?? 'a frame without status');
  return `${status} at +${atMs(req, frame)} ms`;
}

/** The index of the request's first terminal frame, or -1. */
export function terminalIndex(req: StreamRequest): number {
  const afterReset = req.resetSentAtMs !== undefined;
  return req.frames.findIndex((f) => isQgptTerminal(statusOf(f), afterReset));
}

/** The frames up to and including the terminal one (all frames when there is none). */
export function answerFrames(req: StreamRequest): StreamFrame[] {
  const t = terminalIndex(req);
  return t < 0 ? req.frames : req.frames.slice(0, t + 1);
}

/** The answer: the concatenated chunks up to and including the terminal frame. */
export function answerOf(req: StreamRequest): string {
  return answerFrames(req).map(chunkOf).join('');
}

/** The request's terminal status, when it got one. */
export function terminalStatusOf(req: StreamRequest): string | undefined {
  const t = terminalIndex(req);
  return t < 0 ? undefined : statusOf(req.frames[t]!);
}

/** Shortens text for a message: `"abc…"` (with the full length when cut). */
export function quote(text: string, max = 60): string {
  const one = JSON.stringify(text.length > max ? text.slice(0, max) : text);
  return text.length > max ? `${one.slice(0, -1)}…" (${text.length} chars)` : one;
}
