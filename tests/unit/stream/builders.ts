/** Hand-made frame sequences for the stream checks' unit tests. */
import type {
  ProgressSubject,
  QgptStreamSubject,
  SocketLog,
  StreamFrame,
  StreamRequest,
} from '../../../src/stream/index.js';

export const T0 = 1_700_000_000_000;
export const CONV = 'c-1';

/** A frame arriving `at` ms after T0 (a string value is sent as raw text). */
export function frame(at: number, value: unknown, seq = 0): StreamFrame {
  if (typeof value === 'string') {
    let parsed: unknown;
    let parseError: string | undefined;
    try {
      parsed = JSON.parse(value);
    } catch (e: any) {
      parseError = e.message;
    }
    return { seq, receivedAt: T0 + at, raw: value, value: parsed, parseError };
  }
  return { seq, receivedAt: T0 + at, raw: JSON.stringify(value), value };
}

/** `{conversation}` unless conv is null (then the key is left out). */
const convOf = (conv: string | null) => (conv === null ? {} : { conversation: conv });

/** Shorthands for QGPTStreamOutput frames of request `id` (conv null: no conversation). */
export const f = {
  init: (at: number, id = 'r-1', conv: string | null = CONV) =>
    frame(at, { request: id, ...convOf(conv), status: 'INITIALIZED' }),
  chunk: (at: number, text: string, id = 'r-1', conv: string | null = CONV) =>
    frame(at, {
      request: id,
      ...convOf(conv),
      status: 'IN-PROGRESS',
      question: { answers: { iterable: [{ text, score: 1 }] } },
    }),
  end: (at: number, status = 'COMPLETED', id = 'r-1', extra: Record<string, unknown> = {}) =>
    frame(at, { request: id, conversation: CONV, status, ...extra }),
};

/** A request sent at T0 with the given frames (ended at its terminal frame unless `end` says otherwise). */
export function request(frames: StreamFrame[], over: Partial<StreamRequest> = {}): StreamRequest {
  const last = frames.at(-1);
  return {
    id: 'r-1',
    socket: 's1',
    rawInput: '{}',
    input: {},
    intent: 'positive',
    echoExpected: true,
    sentAt: T0,
    frames,
    timeoutMs: 1000,
    end: last ? { kind: 'terminal', atMs: last.receivedAt - T0 } : { kind: 'timeout', atMs: 1000 },
    ...over,
  };
}

/** The subject of one request on its own socket, with the other requests of the session as peers. */
export function subject(
  req: StreamRequest,
  others: StreamRequest[] = [],
  orphans: StreamFrame[] = [],
  closed?: SocketLog['closed'],
): QgptStreamSubject {
  const all = [req, ...others];
  const socket: SocketLog = {
    id: req.socket,
    url: 'ws://127.0.0.1:1/qgpt/stream',
    openedAt: T0 - 5,
    frames: all.filter((r) => r.socket === req.socket).flatMap((r) => r.frames),
    requests: all.filter((r) => r.socket === req.socket),
    orphans,
    closed,
  };
  return { channel: 'qgptStream', request: req, socket, peers: all };
}

/** A download watch opened at T0 with frames `[at, status, percentage?]`. */
export function progress(
  rows: Array<[number, string, number?]>,
  over: Partial<ProgressSubject['watch']> = {},
): ProgressSubject {
  const frames = rows.map(([at, status, percentage]) =>
    frame(at, percentage === undefined ? { status } : { status, percentage }),
  );
  return {
    channel: 'modelDownloadProgress',
    watch: {
      model: 'm-1',
      url: 'ws://x',
      openedAt: T0,
      frames,
      timeoutMs: 1000,
      end: { kind: 'terminal', atMs: 0 },
      ...over,
    },
  };
}

/** A well-formed answer of request r-1: INITIALIZED, two chunks, COMPLETED. */
export const answer = [f.init(2), f.chunk(5, 'You asked: '), f.chunk(9, '"hi"'), f.end(12)];
