/**
 * Defining a check: a name, a fixed title, a precondition and a body that returns failures. The
 * helper gives every check the same way to build its ContractFailures (check name + fixed title +
 * operation + one line of facts), so no check formats a failure by hand.
 */
import { ContractFailure, type FailureSeverity } from '../core/errors.js';
import type { Check, CheckContext, CheckKind } from './types.js';

/**
 * What a check file declares; `run` gets a `fail(operation, facts)` builder. The subject type is
 * inferred from `run`'s first parameter (annotate it: `run: (f: UseAfterDeleteFacts, _ctx, fail) =>`),
 * the name and kind are kept as literals: that is what lets the registry type `judge(name, facts)`.
 */
export interface CheckDefinition<S, N extends string = string, K extends CheckKind = CheckKind> {
  name: N;
  title: string;
  kind: K;
  severity: FailureSeverity;
  description: string;
  /** Preconditions (compose them with `all(...)` from preconditions.ts); default: always. */
  applies?: (subject: S, ctx: CheckContext) => boolean;
  run: (subject: S, ctx: CheckContext, fail: FailureBuilder) => ContractFailure[];
}

/** Builds one failure of the check being run. */
export type FailureBuilder = (operation: string, facts: string, exchangeId?: string) => ContractFailure;

/** Turns a definition into a Check whose failures all carry its name, title and severity. */
export function defineCheck<S, const N extends string, K extends CheckKind>(
  def: CheckDefinition<S, N, K>,
): Check<S, N, K> {
  const fail: FailureBuilder = (operation, facts, exchangeId) =>
    new ContractFailure(def.name, def.title, operation, facts, def.severity, exchangeId);
  return {
    name: def.name,
    title: def.title,
    kind: def.kind,
    severity: def.severity,
    description: def.description,
    applies: def.applies ?? (() => true),
    run: (subject, ctx) => def.run(subject, ctx, fail),
  };
}
