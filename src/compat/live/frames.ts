/**
 * WebSocket frames as logged exchanges, so that every contract version judges the stream too. Each
 * version documents its WebSocket operations as a GET whose 200 `application/json` body is one
 * message (QGPTStreamOutput on `/qgpt/stream`, ModelDownloadProgress on
 * `/model/{model}/download/progress`), which is how its generated SDK reads them: one frame is one
 * such answer. A question's frames carry its input as the request body and its intent (a malformed
 * input's FAILED frame is judged on status only, like any refusal). Frames no request could claim
 * (orphans) are left out: there is no request to attach them to.
 */
import type { Exchange } from '../../core/types.js';
import type { ProgressWatch, SocketLog, StreamFrame, StreamRequest } from '../../stream/types.js';

/** What is read of a stream session (a StreamSession has these). */
export interface FrameSource {
  sockets: ReadonlyArray<{ log: SocketLog }>;
  requests: readonly StreamRequest[];
  watches: readonly ProgressWatch[];
}

/** The note every frame exchange carries. */
const FRAME_NOTE = 'WebSocket frame';

/** True for an exchange that stands for one WebSocket frame. */
export function isFrameExchange(ex: Pick<Exchange, 'note'>): boolean {
  return ex.note === FRAME_NOTE;
}

/** The HTTP form of a WebSocket URL (the operations are matched by method and path). */
export function httpUrl(wsUrl: string): string {
  return wsUrl.replace(/^ws(s?):/, 'http$1:');
}

function frameExchange(
  id: string,
  operationId: string,
  url: string,
  frame: StreamFrame,
  sentAt: number,
  intent: Exchange['intent'],
  body?: string,
): Exchange {
  return {
    id,
    operationId,
    request: { method: 'GET', url: httpUrl(url), headers: {}, ...(body !== undefined ? { body } : {}) },
    response: { status: 200, headers: { 'content-type': 'application/json' }, body: frame.raw },
    startedAt: frame.receivedAt,
    durationMs: Math.max(0, frame.receivedAt - sentAt),
    intent,
    note: FRAME_NOTE,
  };
}

/** Every attributed frame of a session's questions and download watches, one exchange each. */
export function frameExchanges(session: FrameSource): Exchange[] {
  const urls = new Map(session.sockets.map((s) => [s.log.id, s.log.url]));
  const out: Exchange[] = [];
  for (const r of session.requests) {
    const url = urls.get(r.socket);
    if (!url) continue;
    for (const f of r.frames)
      out.push(frameExchange(`${r.socket}/${r.id}#${f.seq}`, 'qgptStream', url, f, r.sentAt, r.intent, r.rawInput));
  }
  for (const w of session.watches) {
    for (const f of w.frames)
      out.push(frameExchange(`${w.model}#${f.seq}`, 'modelDownloadProgress', w.url, f, w.openedAt, 'positive'));
  }
  return out;
}
