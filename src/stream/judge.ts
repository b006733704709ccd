/** Runs the stream checks of the registry over a session's subjects. */
import type { ContractFailure } from '../core/errors.js';
import type { Check, CheckContext } from '../checks/types.js';
import type { StreamSubject } from './types.js';

/** The verdict on one subject: the checks that ran, those that failed, and the failures. */
export interface StreamVerdict {
  subject: StreamSubject;
  checks: string[];
  failed: string[];
  failures: ContractFailure[];
}

/** Runs every applicable stream check on every subject. */
export function judgeStreams(
  subjects: readonly StreamSubject[],
  checks: readonly Check<any>[],
  ctx: CheckContext,
): StreamVerdict[] {
  const streamChecks = checks.filter((c) => c.kind === 'stream');
  return subjects.map((subject) => {
    const ran = streamChecks.filter((c) => c.applies(subject, ctx));
    const failures = ran.flatMap((c) => c.run(subject, ctx));
    const failed = [...new Set(failures.map((f) => f.check))];
    return { subject, checks: ran.map((c) => c.name), failed, failures };
  });
}
