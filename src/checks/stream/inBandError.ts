/** stream_in_band_error: a malformed input is answered with one FAILED frame that says why. */
import { defineCheck } from '../define.js';
import type { QgptStreamSubject } from '../../stream/types.js';
import { answerFrames, atMs, errorMessageOf, statusOf, terminalIndex } from '../../stream/frames.js';
import { failOn, isQgpt } from './util.js';

/** Errors are in-band on /qgpt/stream: FAILED with errorMessage, and the socket stays open. */
export const streamInBandError = defineCheck({
  name: 'stream_in_band_error',
  title: 'Malformed stream input not refused in-band',
  kind: 'stream',
  severity: 'medium',
  basis: 'assumed',
  why: "Upstream's QGPTStreamOutput has a FAILED status with errorMessage and statusCode, and real clients see quota errors that way, but no document says a malformed input gets a FAILED frame (rather than silence or a closed socket).",
  evidence: ['spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/components/schemas/QGPTStreamOutput'],
  description:
    'Input that is not JSON, has wrong types, or holds neither relevance nor question gets a FAILED frame with errorMessage.',
  applies: (s: QgptStreamSubject) => isQgpt(s) && s.request.intent === 'negative' && terminalIndex(s.request) >= 0,
  run(s: QgptStreamSubject, _ctx, fail) {
    const req = s.request;
    const terminal = answerFrames(req).at(-1)!;
    const status = statusOf(terminal);
    const at = `+${atMs(req, terminal)} ms`;
    if (status !== 'FAILED')
      return [failOn(fail, s, `malformed input answered ${status} at ${at}; expected FAILED with errorMessage`)];
    const out = errorMessageOf(terminal) ? [] : [failOn(fail, s, `FAILED frame at ${at} has no errorMessage`)];
    const closed = s.socket.closed;
    if (closed && !closed.byClient && closed.at >= req.sentAt) {
      out.push(
        failOn(
          fail,
          s,
          `the server closed the socket (code ${closed.code}) at +${Math.round(closed.at - req.sentAt)} ms after the in-band error; it must stay open`,
        ),
      );
    }
    return out;
  },
});

export default streamInBandError;
