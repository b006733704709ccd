/** Running checks: every applicable exchange check on one exchange, or one scenario check on its facts. */
import type { ContractFailure } from '../core/errors.js';
import type { Exchange } from '../core/types.js';
import type { Check, CheckContext } from './types.js';

/** What judging one subject produced: the checks that applied and their failures. */
export interface Verdict {
  ran: string[];
  failures: ContractFailure[];
}

/** Runs every check of the list that applies to the exchange; duplicate failures collapse. */
export function runExchangeChecks(exchange: Exchange, ctx: CheckContext, list: readonly Check<Exchange>[]): Verdict {
  const ran: string[] = [];
  const failures = new Map<string, ContractFailure>();
  for (const check of list) {
    if (!check.applies(exchange, ctx)) continue;
    ran.push(check.name);
    for (const f of check.run(exchange, ctx)) failures.set(f.key, f);
  }
  return { ran, failures: [...failures.values()] };
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
