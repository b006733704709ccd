/** stream_request_accepted: a valid question is answered, not refused in-band. */
import { defineCheck } from '../define.js';
import type { QgptStreamSubject } from '../../stream/types.js';
import { answerFrames, answerOf, atMs, errorMessageOf, statusOf, terminalIndex } from '../../stream/frames.js';
import { failOn, isQgpt } from './util.js';

/** Whether the input asks for an answer (a question, or a relevance with options.question). */
function asksQuestion(input: unknown): boolean {
  const i = input as any;
  return !!i?.question || i?.relevance?.options?.question === true;
}

/** A positive request must end COMPLETED (or STOPPED when stopped), with a non-empty answer when it asked a question. */
export const streamRequestAccepted = defineCheck({
  name: 'stream_request_accepted',
  title: 'Valid stream request not answered',
  kind: 'stream',
  severity: 'high',
  basis: 'upstream',
  why: "Upstream's QGPTStreamEnum ends a served answer COMPLETED with the answer in `question.answers`.",
  evidence: [
    'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/components/schemas/QGPTStreamEnum',
    'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/components/schemas/QGPTStreamOutput',
  ],
  description:
    'A valid question on /qgpt/stream is answered (COMPLETED with a non-empty answer), not refused with FAILED or CANCELED.',
  // A reset ends what is in flight (CANCELED or RESET): that is the client's doing, not a refusal.
  applies: (s: QgptStreamSubject) =>
    isQgpt(s) &&
    s.request.intent === 'positive' &&
    s.request.resetSentAtMs === undefined &&
    terminalIndex(s.request) >= 0,
  run(s: QgptStreamSubject, _ctx, fail) {
    const req = s.request;
    const terminal = answerFrames(req).at(-1)!;
    const status = statusOf(terminal);
    if (status === 'STOPPED') return [];
    if (status === 'COMPLETED') {
      const empty = asksQuestion(req.input) && answerOf(req).trim().length === 0;
      return empty
        ? [
            failOn(
              fail,
              s,
              `answered COMPLETED at +${atMs(req, terminal)} ms with an empty answer (${answerFrames(req).length} frames)`,
            ),
          ]
        : [];
    }
    const code = (terminal.value as any)?.statusCode;
    const why = [
      code !== undefined && code !== null ? `statusCode ${code}` : '',
      errorMessageOf(terminal) ? `errorMessage ${JSON.stringify(errorMessageOf(terminal))}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    return [
      failOn(
        fail,
        s,
        `valid input answered ${status} at +${atMs(req, terminal)} ms${why ? ` (${why})` : ''}; expected COMPLETED`,
      ),
    ];
  },
});

export default streamRequestAccepted;
