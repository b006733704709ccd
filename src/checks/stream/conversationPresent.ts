/** stream_conversation_present: every frame names the answer's conversation, and always the same one. */
import { defineCheck } from '../define.js';
import type { QgptStreamSubject } from '../../stream/types.js';
import { conversationOf, describeFrame, statusOf } from '../../stream/frames.js';
import { collapse, failOn, isQgpt } from './util.js';

/** `conversation` is required in every QGPTStreamOutput; one answer belongs to one conversation. */
export const streamConversationPresent = defineCheck({
  name: 'stream_conversation_present',
  title: 'Stream frame without its conversation',
  kind: 'stream',
  severity: 'high',
  basis: 'upstream',
  why: "Upstream's QGPTStreamOutput requires `conversation` in every frame.",
  evidence: [
    'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/components/schemas/QGPTStreamOutput/required',
  ],
  description: 'Every frame carries the conversation id: the one the input named, or one new id for the whole answer.',
  // Only questions: a malformed input or a bare command (reset) names no conversation, and its
  // in-band answer may carry an empty one.
  applies: (s: QgptStreamSubject) => isQgpt(s) && s.request.intent === 'positive',
  run(s: QgptStreamSubject, _ctx, fail) {
    const req = s.request;
    let first: string | undefined = req.conversation;
    const findings = req.frames.flatMap((frame, i) => {
      if (frame.parseError !== undefined) return [];
      const where = `frame ${i + 1} (${describeFrame(req, frame)})`;
      const conv = conversationOf(frame);
      // An in-band error before any conversation exists may name none: the key is there, empty.
      if (conv === undefined && statusOf(frame) === 'FAILED' && (frame.value as any)?.conversation === '') return [];
      if (conv === undefined) return [{ where, detail: 'has no conversation' }];
      if (first === undefined) first = conv;
      if (conv === first) return [];
      const expected =
        req.conversation !== undefined
          ? `the requested ${JSON.stringify(first)}`
          : `${JSON.stringify(first)} of the earlier frames`;
      return [{ where, detail: `carries conversation ${JSON.stringify(conv)}, not ${expected}` }];
    });
    return collapse(findings).map((facts) => failOn(fail, s, facts));
  },
});

export default streamConversationPresent;
