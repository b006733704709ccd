/** What the stream checks share: subject narrowing, the message pointers, and failure building. */
import type { ContractFailure } from '../../core/errors.js';
import type { CheckContext } from '../types.js';
import type { FailureBuilder } from '../define.js';
import type { ProgressSubject, QgptStreamSubject, StreamFrame, StreamSubject } from '../../stream/types.js';

import { MESSAGE_SCHEMA } from '../../stream/frames.js';

export { MESSAGE_SCHEMA };

/** True for a `/qgpt/stream` answer subject (one request and its frames). */
export function isQgpt(s: unknown): s is QgptStreamSubject {
  return !!s && typeof s === 'object' && (s as StreamSubject).channel === 'qgptStream' && 'request' in s;
}

/** True for a download-progress subject. */
export function isProgress(s: unknown): s is ProgressSubject {
  return !!s && typeof s === 'object' && (s as StreamSubject).channel === 'modelDownloadProgress' && 'watch' in s;
}

/** `request r-3` or `model m-1`: how a message names its subject. */
export function subjectName(s: StreamSubject): string {
  return isQgpt(s) ? `request ${s.request.id}` : `model ${s.watch.model}`;
}

/** The frames a subject holds. */
export function framesOf(s: QgptStreamSubject | ProgressSubject): StreamFrame[] {
  return isQgpt(s) ? s.request.frames : s.watch.frames;
}

/** A failure on the subject's channel (its operationId) whose facts start with the subject's name. */
export function failOn(fail: FailureBuilder, s: StreamSubject, facts: string): ContractFailure {
  return fail(s.channel, `${subjectName(s)}: ${facts}`);
}

/** The diagnostics of a frame: those made on arrival, or made now with the context's validators. */
export function frameDiagnostics(s: QgptStreamSubject | ProgressSubject, frame: StreamFrame, ctx: CheckContext) {
  if (frame.diagnostics) return frame.diagnostics;
  if (frame.parseError !== undefined) return [];
  return ctx.validators.validateAt(MESSAGE_SCHEMA[s.channel], frame.value, 'frame').diagnostics;
}

/** One frame-level finding: which frame (as `frame 3 (IN-PROGRESS at +12 ms)`) and what is wrong with it. */
export interface FrameFinding {
  where: string;
  detail: string;
}

/**
 * Collapses findings with the same detail into one line each, in first-seen order:
 * `frame 3 (IN-PROGRESS at +12 ms) has no conversation (and 38 more frames like it)`. One broken frame
 * per chunk must not become one failure per chunk.
 */
export function collapse(findings: readonly FrameFinding[]): string[] {
  const groups = new Map<string, FrameFinding[]>();
  for (const f of findings) groups.set(f.detail, [...(groups.get(f.detail) ?? []), f]);
  return [...groups.entries()].map(([detail, list]) => {
    const more = list.length > 1 ? ` (and ${list.length - 1} more frame${list.length > 2 ? 's' : ''} like it)` : '';
    return `${list[0]!.where} ${detail}${more}`;
  });
}
