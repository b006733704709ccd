/** Frames no request could claim, charged to the requests of their socket that could have caused them. */
import type { QgptStreamSubject, StreamFrame, StreamRequest } from '../../stream/types.js';

function openAt(req: StreamRequest, t: number): boolean {
  return t >= req.sentAt && t <= req.sentAt + (req.end?.atMs ?? Number.POSITIVE_INFINITY);
}

/**
 * The socket's orphan frames charged to this request: those that arrived while it was open, or,
 * when no request was open, those that arrived after it was the latest request sent.
 */
export function strayFrames(s: QgptStreamSubject): StreamFrame[] {
  const req = s.request;
  const mine = s.socket.requests.filter((r) => r.socket === req.socket);
  return s.socket.orphans.filter((f) => {
    const t = f.receivedAt;
    if (openAt(req, t)) return true;
    if (mine.some((r) => openAt(r, t))) return false;
    const latest = mine.filter((r) => r.sentAt <= t).sort((a, b) => b.sentAt - a.sentAt)[0];
    return latest === req;
  });
}
