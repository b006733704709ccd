/**
 * stream_no_crosstalk: an answer's chunks belong to its own question. Each question carries a
 * unique token; the chunks of one request must never hold another request's token, and a frame of
 * one socket's request must never arrive on another socket.
 */
import type { ContractFailure } from '../../core/errors.js';
import { defineCheck } from '../define.js';
import type { QgptStreamSubject, StreamFrame } from '../../stream/types.js';
import { answerFrames, chunkOf, describeFrame, requestIdOf } from '../../stream/frames.js';
import { failOn, isQgpt } from './util.js';
import { strayFrames } from './strays.js';

/** The frame whose chunk holds character `pos` of the concatenated answer. */
function frameAt(frames: StreamFrame[], pos: number): { frame: StreamFrame; index: number } {
  let end = 0;
  for (let i = 0; i < frames.length; i++) {
    end += chunkOf(frames[i]!).length;
    if (pos < end) return { frame: frames[i]!, index: i };
  }
  return { frame: frames.at(-1)!, index: frames.length - 1 };
}

/** Judges one request's chunks against the tokens of every other request of the session. */
export const streamNoCrosstalk = defineCheck({
  name: 'stream_no_crosstalk',
  title: "Streamed answer holds another request's chunks",
  kind: 'stream',
  severity: 'critical',
  basis: 'assumed',
  why: "Request ids (upstream QGPTStreamInput.request) exist to tell concurrent answers apart, but no document promises one answer never holds another's text.",
  evidence: [
    'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/components/schemas/QGPTStreamInput/properties/request',
  ],
  description: "No chunk of one request's answer comes from another request, on the same socket or another one.",
  applies: (s: QgptStreamSubject) => isQgpt(s),
  run(s: QgptStreamSubject, _ctx, fail) {
    const req = s.request;
    const frames = answerFrames(req);
    const answer = frames.map(chunkOf).join('');
    const out: ContractFailure[] = [];
    for (const peer of s.peers) {
      if (peer.id === req.id || !peer.token || req.token?.includes(peer.token)) continue;
      const pos = answer.indexOf(peer.token);
      if (pos < 0) continue;
      const { frame, index } = frameAt(frames, pos);
      out.push(
        failOn(
          fail,
          s,
          `frame ${index + 1} (${describeFrame(req, frame)}) holds token ${peer.token} of request ${peer.id}`,
        ),
      );
    }
    const foreign = new Map(s.peers.filter((p) => p.socket !== req.socket).map((p) => [p.id, p]));
    for (const frame of strayFrames(s)) {
      const peer = foreign.get(requestIdOf(frame) ?? '');
      if (!peer) continue;
      out.push(
        failOn(
          fail,
          s,
          `socket frame #${frame.seq} (${describeFrame(req, frame)}) belongs to request ${peer.id} of socket ${peer.socket}, but arrived on socket ${req.socket}`,
        ),
      );
    }
    return out;
  },
});

export default streamNoCrosstalk;
