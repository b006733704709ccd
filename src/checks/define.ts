/**
 * Defining a check: a name, a fixed title, a precondition and a body that returns failures. The
 * helper gives every check the same way to build its ContractFailures (check name + fixed title +
 * operation + one line of facts), so no check formats a failure by hand.
 */
import { ContractFailure, type FailureSeverity } from '../core/errors.js';
import type { Check, CheckContext, CheckKind } from './types.js';

/** What a check file declares; `run` gets a `fail(operation, facts)` builder. */
export interface CheckDefinition<S> {
  name: string;
  title: string;
  kind: CheckKind;
  severity: FailureSeverity;
  description: string;
  /** Preconditions (compose them with `all(...)` from preconditions.ts); default: always. */
  applies?: (subject: S, ctx: CheckContext) => boolean;
  run: (subject: S, ctx: CheckContext, fail: FailureBuilder) => ContractFailure[];
}

/** Builds one failure of the check being run. */
export type FailureBuilder = (operation: string, facts: string, exchangeId?: string) => ContractFailure;

/** Turns a definition into a Check whose failures all carry its name, title and severity. */
export function defineCheck<S>(def: CheckDefinition<S>): Check<S> {
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
