/** stream_request_accepted: a valid question is answered, not refused in-band. */
import { defineCheck } from '../define.js';
import { registerCheck } from '../store.js';
import type { QgptStreamSubject } from '../../stream/types.js';
import { answerFrames, atMs, errorMessageOf, statusOf, terminalIndex } from '../../stream/frames.js';
import { failOn, isQgpt } from './util.js';

/** A positive request must end COMPLETED (or STOPPED when stopped) with a non-empty answer. */
export const streamRequestAccepted = registerCheck(defineCheck<QgptStreamSubject>({
  name: 'stream_request_accepted',
  title: 'Valid stream request refused in-band',
  kind: 'stream',
  severity: 'high',
  description: 'A valid question on /qgpt/stream is not answered with a FAILED (or CANCELED) frame.',
  applies: (s) => isQgpt(s) && s.request.intent === 'positive' && terminalIndex(s.request) >= 0,
  run(s, ctx, fail) {
    const req = s.request;
    const terminal = answerFrames(req).at(-1)!;
    const status = statusOf(terminal);
    if (status === 'COMPLETED' || status === 'STOPPED') return [];
    const code = (terminal.value as any)?.statusCode;
    const why = [code !== undefined && code !== null ? `statusCode ${code}` : '', errorMessageOf(terminal) ? `errorMessage ${JSON.stringify(errorMessageOf(terminal))}` : '']
      .filter(Boolean).join(', ');
    return [failOn(fail, s, `valid input answered ${status} at +${atMs(req, terminal)} ms${why ? ` (${why})` : ''}; expected COMPLETED`)];
  },
}));

export default streamRequestAccepted;
