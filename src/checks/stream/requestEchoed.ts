/** stream_request_echoed: every frame of an answer carries the client's `request` id. */
import { defineCheck } from '../define.js';
import type { QgptStreamSubject, StreamFrame } from '../../stream/types.js';
import { describeFrame, requestIdOf } from '../../stream/frames.js';
import { collapse, failOn, isQgpt } from './util.js';
import { strayFrames } from './strays.js';

function carried(frame: StreamFrame): string {
  const id = requestIdOf(frame);
  return id === undefined ? 'no request id' : `request ${JSON.stringify(id)}`;
}

/** The server must echo the `request` id in every frame, so concurrent answers can be told apart. */
export const streamRequestEchoed = defineCheck({
  name: 'stream_request_echoed',
  title: 'Stream frame does not echo the request id',
  kind: 'stream',
  severity: 'high',
  basis: 'upstream',
  why: "Upstream's QGPTStreamOutput carries the `request` id of the QGPTStreamInput it answers.",
  evidence: [
    'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/components/schemas/QGPTStreamOutput',
    'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/components/schemas/QGPTStreamInput',
  ],
  description: "Every frame of an answer carries the client's request id, unchanged.",
  applies: (s: QgptStreamSubject) => isQgpt(s) && s.request.echoExpected,
  run(s: QgptStreamSubject, _ctx, fail) {
    const req = s.request;
    const own = req.frames.flatMap((frame, i) =>
      requestIdOf(frame) === req.id
        ? []
        : [
            {
              where: `frame ${i + 1} (${describeFrame(req, frame)})`,
              detail: `carries ${carried(frame)} instead of ${JSON.stringify(req.id)}`,
            },
          ],
    );
    const peers = new Set(s.peers.map((p) => p.id));
    const stray = strayFrames(s)
      .filter((f) => !peers.has(requestIdOf(f) ?? ''))
      .map((frame) => ({
        where: `socket frame #${frame.seq} (${describeFrame(req, frame)})`,
        detail: `carries ${carried(frame)}, which no request sent, while this request was open`,
      }));
    return [...collapse(own), ...collapse(stray)].map((facts) => failOn(fail, s, facts));
  },
});

export default streamRequestEchoed;
