/** Reading frames: their status, chunk, ids, and a short description for messages. */
import { QGPT_TERMINAL, type StreamFrame, type StreamRequest } from './types.js';

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
