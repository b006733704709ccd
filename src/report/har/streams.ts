/**
 * The WebSockets of a stream session as HAR records: each `/qgpt/stream` socket with the inputs
 * sent on it and every frame received, and each `/model/{model}/download/progress` watch with its
 * frames. A socket opened by hand outside a session is not recorded.
 */
import type { ProgressWatch, SocketLog } from '../../stream/types.js';
import type { WebSocketRecord } from './entries.js';

/** What a stream session holds (StreamSession satisfies it). */
export interface SocketSource {
  sockets: ReadonlyArray<{ log: SocketLog }>;
  watches: readonly ProgressWatch[];
}

/** One record per socket and per download watch of the session. */
export function webSocketsOfSession(session: SocketSource): WebSocketRecord[] {
  const out: WebSocketRecord[] = [];
  for (const { log } of session.sockets) {
    out.push({
      url: log.url,
      openedAt: log.openedAt,
      ...(log.closed ? { closedAt: log.closed.at } : {}),
      operationId: 'qgptStream',
      messages: [
        ...log.requests.map((r) => ({ type: 'send' as const, at: r.sentAt, data: r.rawInput })),
        ...log.frames.map((f) => ({ type: 'receive' as const, at: f.receivedAt, data: f.raw })),
      ],
    });
  }
  for (const w of session.watches) {
    out.push({
      url: w.url,
      openedAt: w.openedAt,
      ...(w.end ? { closedAt: w.openedAt + w.end.atMs } : {}),
      operationId: 'modelDownloadProgress',
      messages: w.frames.map((f) => ({ type: 'receive' as const, at: f.receivedAt, data: f.raw })),
    });
  }
  return out;
}
