/**
 * Running checks: every applicable exchange check on one exchange, every applicable stream check
 * on stream subjects, or one scenario (or stream) check on its facts. The suites (through the
 * recorder), the proxy and the compatibility matrix's live verdicts all judge through these.
 */
import type { ContractFailure } from '../core/errors.js';
import type { Exchange } from '../core/types.js';
import type { StreamSubject } from '../stream/types.js';
import { checksOfKind } from './registry.js';
import type { Check, CheckContext } from './types.js';

/** What judging one subject produced: the checks that applied and their failures. */
export interface Verdict {
  ran: string[];
  failures: ContractFailure[];
}

/** The verdict on one stream subject: the checks that ran, those that failed, and the failures. */
export interface StreamVerdict {
  subject: StreamSubject;
  checks: string[];
  failed: string[];
  failures: ContractFailure[];
}

/** Runs every check of the list that applies to the exchange; duplicate failures collapse. */
export function runExchangeChecks(
  exchange: Exchange,
  ctx: CheckContext,
  list: readonly Check<Exchange>[] = checksOfKind('exchange'),
): Verdict {
  const ran: string[] = [];
  const failures = new Map<string, ContractFailure>();
  for (const check of list) {
    if (!check.applies(exchange, ctx)) continue;
    ran.push(check.name);
    for (const f of check.run(exchange, ctx)) failures.set(f.key, f);
  }
  return { ran, failures: [...failures.values()] };
}

/** Runs every applicable stream check of the list (default: all of them) on every subject. */
export function judgeStreams(
  subjects: readonly StreamSubject[],
  ctx: CheckContext,
  list: readonly Check<any>[] = checksOfKind('stream'),
): StreamVerdict[] {
  return subjects.map((subject) => {
    const ran = list.filter((c) => c.applies(subject, ctx));
    const failures = ran.flatMap((c) => c.run(subject, ctx));
    const failed = [...new Set(failures.map((f) => f.check))];
    return { subject, checks: ran.map((c) => c.name), failed, failures };
  });
}

/** Runs one (scenario or stream) check on its subject, when it applies. */
export function judge<S>(check: Check<S>, subject: S, ctx: CheckContext): Verdict {
  if (!check.applies(subject, ctx)) return { ran: [], failures: [] };
  return { ran: [check.name], failures: check.run(subject, ctx) };
}

/** The one line a report shows for a failure: `✗ [check] operation: Title. Facts`. */
export function failureLine(f: ContractFailure): string {
  return `✗ [${f.check}] ${f.operation}: ${f.title}. ${f.facts}`;
}
