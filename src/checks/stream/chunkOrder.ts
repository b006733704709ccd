/**
 * stream_chunk_order: the chunks, concatenated in arrival order, equal the answer the REST
 * `POST /qgpt/question` gives for the same input. Applies only when the test fetched that
 * reference answer (a deterministic target: the emulator, or PIECES_STREAM_DETERMINISTIC=1).
 */
import { defineCheck } from '../define.js';
import type { QgptStreamSubject } from '../../stream/types.js';
import { answerFrames, chunkOf, describeFrame, quote, terminalStatusOf } from '../../stream/frames.js';
import { failOn, isQgpt } from './util.js';

function sorted(text: string): string {
  return [...text].sort().join('');
}

/** Compares the streamed answer with the REST answer for the same question. */
export const streamChunkOrder = defineCheck({
  name: 'stream_chunk_order',
  title: 'Streamed chunks do not add up to the answer',
  kind: 'stream',
  severity: 'high',
  basis: 'assumed',
  why: 'No document says the streamed chunks concatenate to the REST /qgpt/question answer; judged only on a target declared deterministic (the emulator).',
  evidence: [
    'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/components/schemas/QGPTStreamOutput',
    'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/paths/~1qgpt~1question/post',
  ],
  description: 'The chunks, in arrival order, concatenate to the answer POST /qgpt/question gives for the same input.',
  applies: (s: QgptStreamSubject) =>
    isQgpt(s) && s.request.reference !== undefined && terminalStatusOf(s.request) === 'COMPLETED',
  run(s: QgptStreamSubject, _ctx, fail) {
    const req = s.request;
    const reference = req.reference!;
    const frames = answerFrames(req);
    const answer = frames.map(chunkOf).join('');
    if (answer === reference) return [];
    let pos = 0;
    while (pos < answer.length && answer[pos] === reference[pos]) pos++;
    let end = 0;
    const index = frames.findIndex((f) => (end += chunkOf(f).length) > pos);
    const at = index < 0 ? 'after the last chunk' : `frame ${index + 1} (${describeFrame(req, frames[index]!)})`;
    const kind =
      sorted(answer) === sorted(reference) ? 'chunks out of order' : 'streamed answer differs from the REST answer';
    return [
      failOn(
        fail,
        s,
        `${kind}: first difference at character ${pos}, ${at}: ` +
          `stream ${quote(answer.slice(pos), 40)} / REST ${quote(reference.slice(pos), 40)}`,
      ),
    ];
  },
});

export default streamChunkOrder;
