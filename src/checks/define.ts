/**
 * Defining a check: a name, a fixed title, a basis, a precondition and a body that returns
 * failures. The helper gives every check the same way to build its ContractFailures (check name +
 * fixed title + operation + one line of facts + basis), so no check formats a failure by hand.
 */
import { ContractFailure, type FailureSeverity } from '../core/errors.js';
import { EXPECTATIONS, type BasisClaim, type ExpectationId } from './basis.js';
import type { Check, CheckContext, CheckKind } from './types.js';

/**
 * What a check file declares; `run` gets a `fail(operation, facts)` builder. The subject type is
 * inferred from `run`'s first parameter (annotate it: `run: (f: UseAfterDeleteFacts, _ctx, fail) =>`),
 * the name and kind are kept as literals: that is what lets the registry type `judge(name, facts)`.
 * `basis` (with `why`, and `evidence` for `upstream`) says how sure the check's expectation is
 * (src/checks/basis.ts).
 */
export type CheckDefinition<S, N extends string = string, K extends CheckKind = CheckKind> = BasisClaim & {
  name: N;
  title: string;
  kind: K;
  severity: FailureSeverity;
  description: string;
  /** Preconditions (compose them with `all(...)` from preconditions.ts); default: always. */
  applies?: (subject: S, ctx: CheckContext) => boolean;
  run: (subject: S, ctx: CheckContext, fail: FailureBuilder) => ContractFailure[];
};

/**
 * Builds one failure of the check being run. `expectation` names a narrower expectation
 * (src/checks/basis.ts) whose basis the failure carries instead of the check's.
 */
export type FailureBuilder = (
  operation: string,
  facts: string,
  exchangeId?: string,
  expectation?: ExpectationId,
) => ContractFailure;

/** Turns a definition into a Check whose failures all carry its name, title, severity and basis. */
export function defineCheck<S, const N extends string, K extends CheckKind>(
  def: CheckDefinition<S, N, K>,
): Check<S, N, K> {
  const claim: BasisClaim = def;
  const fail: FailureBuilder = (operation, facts, exchangeId, expectation) =>
    new ContractFailure(
      def.name,
      def.title,
      operation,
      facts,
      def.severity,
      exchangeId,
      expectation ? EXPECTATIONS[expectation].basis : def.basis,
      expectation,
    );
  return {
    name: def.name,
    title: def.title,
    kind: def.kind,
    severity: def.severity,
    description: def.description,
    basis: def.basis,
    why: claim.why,
    evidence: claim.evidence,
    applies: def.applies ?? (() => true),
    run: (subject, ctx) => def.run(subject, ctx, fail),
  };
}
