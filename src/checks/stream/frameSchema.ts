/** stream_frame_schema: every frame is JSON and matches its channel's message schema. */
import { defineCheck } from '../define.js';
import type { ProgressSubject, QgptStreamSubject } from '../../stream/types.js';
import { describeFrame } from '../../stream/frames.js';
import { collapse, failOn, frameDiagnostics, framesOf, isProgress, isQgpt, MESSAGE_SCHEMA } from './util.js';

/** Validates every frame (QGPTStreamOutput, ModelDownloadProgress) with the contract's schemas. */
export const streamFrameSchema = defineCheck({
  name: 'stream_frame_schema',
  title: 'Stream frame violates its message schema',
  kind: 'stream',
  severity: 'high',
  basis: 'contract',
  description: 'Every frame pushed on a WebSocket channel is JSON and valid against its message schema.',
  applies: (s: QgptStreamSubject | ProgressSubject) => isQgpt(s) || isProgress(s),
  run(s: QgptStreamSubject | ProgressSubject, ctx, fail) {
    const origin = isQgpt(s) ? s.request : { sentAt: s.watch.openedAt };
    const schema = MESSAGE_SCHEMA[s.channel].split('/').pop();
    const findings = framesOf(s).flatMap((frame, i) => {
      const where = `frame ${i + 1} (${describeFrame(origin, frame)})`;
      if (frame.parseError !== undefined) return [{ where, detail: `is not JSON: ${frame.parseError}` }];
      const errors = frameDiagnostics(s, frame, ctx).filter((d) => d.severity === 'error');
      return errors.length === 0
        ? []
        : [{ where, detail: `violates ${schema}: ${errors.map((d) => d.message).join('; ')}` }];
    });
    return collapse(findings).map((facts) => failOn(fail, s, facts));
  },
});

export default streamFrameSchema;
