/** What the stream checks share: subject narrowing, the message pointers, and failure building. */
import type { ContractFailure } from '../../core/errors.js';
import type { CheckContext } from '../types.js';
import type { FailureBuilder } from '../define.js';
import type { ProgressSubject, QgptStreamSubject, StreamFrame, StreamSubject } from '../../stream/types.js';

/** The OpenAPI component each channel's server messages are validated against. */
export const MESSAGE_SCHEMA: Record<StreamSubject['channel'], string> = {
  qgptStream: '#/components/schemas/QGPTStreamOutput',
  modelDownloadProgress: '#/components/schemas/ModelDownloadProgress',
};

/** True for a `/qgpt/stream` subject. */
export function isQgpt(s: unknown): s is QgptStreamSubject {
  return !!s && typeof s === 'object' && (s as StreamSubject).channel === 'qgptStream';
}

/** True for a download-progress subject. */
export function isProgress(s: unknown): s is ProgressSubject {
  return !!s && typeof s === 'object' && (s as StreamSubject).channel === 'modelDownloadProgress';
}

/** `request r-3` or `model m-1`: how a message names its subject. */
export function subjectName(s: StreamSubject): string {
  return s.channel === 'qgptStream' ? `request ${s.request.id}` : `model ${s.watch.model}`;
}

/** The frames a subject holds. */
export function framesOf(s: StreamSubject): StreamFrame[] {
  return s.channel === 'qgptStream' ? s.request.frames : s.watch.frames;
}

/** A failure on the subject's channel (its operationId) whose facts start with the subject's name. */
export function failOn(fail: FailureBuilder, s: StreamSubject, facts: string): ContractFailure {
  return fail(s.channel, `${subjectName(s)}: ${facts}`);
}

/** The diagnostics of a frame: those made on arrival, or made now with the context's validators. */
export function frameDiagnostics(s: StreamSubject, frame: StreamFrame, ctx: CheckContext) {
  if (frame.diagnostics) return frame.diagnostics;
  if (frame.parseError !== undefined) return [];
  return ctx.validators.validateAt(MESSAGE_SCHEMA[s.channel], frame.value, 'frame').diagnostics;
}
