/**
 * stream_grammar: per request id, the frames follow
 * `INITIALIZED? IN-PROGRESS* (COMPLETED | FAILED | STOPPED | CANCELED)`, nothing follows the
 * terminal frame, a terminal frame arrives before the timeout (or the socket's close), and a stop
 * sent before the end ends the answer STOPPED, or COMPLETED when it met the answer finishing (both
 * conformant: at most FINISHING_CHUNKS chunks were already on their way; more means the stop was
 * ignored). A second terminal frame never is conformant: it is a frame after the terminal one.
 */
import { defineCheck } from '../define.js';
import type { QgptStreamSubject, StreamFrame, StreamRequest } from '../../stream/types.js';
import { QGPT_TERMINAL } from '../../stream/types.js';
import { atMs, chunkOf, describeFrame, statusOf, terminalIndex } from '../../stream/frames.js';
import { failOn, isQgpt } from './util.js';

/** The statuses QGPTStreamEnum defines; other values are the schema check's business. */
const ENUM = new Set(['UNKNOWN', 'CANCELED', 'INITIALIZED', 'IN-PROGRESS', 'COMPLETED', 'FAILED', 'STOPPED', 'RESET']);
/** Chunks that may still arrive after a stop when the answer was finishing (already sent when it came). */
export const FINISHING_CHUNKS = 3;
const GRAMMAR = `INITIALIZED? IN-PROGRESS* (${QGPT_TERMINAL.join(' | ')})`;

/** Why watching ended without a terminal frame, in words. */
function missingTerminal(req: StreamRequest): string | undefined {
  const last = req.frames.at(-1);
  const seen = last
    ? `${req.frames.length} frame${req.frames.length > 1 ? 's' : ''}, last ${describeFrame(req, last)}`
    : 'no frame at all';
  switch (req.end?.kind) {
    case 'not-sent':
      return `never answered: the socket had already closed (${req.end.detail ?? 'no code'}) when it was sent`;
    case 'closed':
      return `socket closed (${req.end.detail ?? 'no code'}) at +${req.end.atMs} ms before a terminal frame (${seen})`;
    case 'timeout':
      return `no terminal frame within ${req.timeoutMs} ms (${seen})`;
    case 'idle':
      return `no terminal frame: the stream went silent for ${req.end.detail ?? 'too long'} (${seen})`;
    default:
      return `no terminal frame (${seen})`;
  }
}

/** The order rule inside one answer, for the frames before the terminal one. */
function orderViolations(req: StreamRequest, frames: StreamFrame[]): string[] {
  const out: string[] = [];
  frames.forEach((frame, i) => {
    const status = statusOf(frame);
    if (frame.parseError !== undefined || (status !== undefined && !ENUM.has(status))) return;
    if (status === undefined) out.push(`frame ${i + 1} (${describeFrame(req, frame)}) has no status`);
    else if (status === 'INITIALIZED' && i > 0)
      out.push(`INITIALIZED at +${atMs(req, frame)} ms is frame ${i + 1}, not the first`);
    else if (status !== 'INITIALIZED' && status !== 'IN-PROGRESS') {
      out.push(`frame ${i + 1} (${describeFrame(req, frame)}) is outside the grammar ${GRAMMAR}`);
    }
  });
  return out;
}

/** Judges one request's sequence of frames against the grammar of `/qgpt/stream`. */
export const streamGrammar = defineCheck({
  name: 'stream_grammar',
  title: 'Streamed answer breaks the frame grammar',
  kind: 'stream',
  severity: 'high',
  basis: 'upstream',
  why: "Upstream's QGPTStreamEnum names the statuses of a streamed answer (INITIALIZED, IN-PROGRESS, then COMPLETED, FAILED, STOPPED or CANCELED) that every official client reads until a terminal one.",
  evidence: ['spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/components/schemas/QGPTStreamEnum'],
  description: `Per request id the frames follow ${GRAMMAR}; nothing follows the terminal frame; a stop ends it STOPPED (or COMPLETED when it was finishing).`,
  applies: (s: QgptStreamSubject) => isQgpt(s),
  run(s: QgptStreamSubject, _ctx, fail) {
    const req = s.request;
    const t = terminalIndex(req);
    const facts: string[] = [];
    if (t < 0) {
      facts.push(...orderViolations(req, req.frames));
      facts.push(missingTerminal(req)!);
      return facts.map((f) => failOn(fail, s, f));
    }
    const terminal = req.frames[t]!;
    const status = statusOf(terminal)!;
    facts.push(...orderViolations(req, req.frames.slice(0, t)));
    const after = req.frames.slice(t + 1);
    if (after.length > 0) {
      const more = after.length > 1 ? ` and ${after.length - 1} more` : '';
      const lateStop =
        req.stopSentAtMs !== undefined && req.stopSentAtMs >= atMs(req, terminal)
          ? `: the stop sent at +${req.stopSentAtMs} ms, after the answer had ended, ended it a second time`
          : '';
      facts.push(`frame after terminal ${status} (${describeFrame(req, after[0]!)}${more})${lateStop}`);
    }
    const stop = req.stopSentAtMs;
    if (stop !== undefined && stop < atMs(req, terminal) && status !== 'STOPPED') {
      const later = req.frames.slice(0, t).filter((f) => atMs(req, f) > stop && chunkOf(f).length > 0).length;
      if (status !== 'COMPLETED' || later > FINISHING_CHUNKS)
        facts.push(
          `stop sent at +${stop} ms, but the answer ended ${status} at +${atMs(req, terminal)} ms after ${later} more chunk${later === 1 ? '' : 's'} (expected STOPPED, or COMPLETED within ${FINISHING_CHUNKS} chunks when it was finishing)`,
        );
    }
    return facts.map((f) => failOn(fail, s, f));
  },
});

export default streamGrammar;
