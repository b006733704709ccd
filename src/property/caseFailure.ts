/**
 * Why one property case failed: the contract failures its exchanges and scenarios showed, with the
 * exchanges that showed them (for their cURL). Thrown from inside the predicate, so fast-check
 * shrinks on it; the reporting plugin finds it again as the counterexample's `errorInstance`.
 */
import type { ContractFailure } from '../core/errors.js';
import type { Exchange } from '../core/types.js';
import { failureLine } from '../checks/run.js';

/** A property case (or one command of a stateful case) broke the contract. */
export class CaseFailure extends Error {
  override readonly name = 'CaseFailure';
  constructor(
    readonly failures: readonly ContractFailure[],
    /** The exchanges of the failing case or command, failing ones first. */
    readonly exchanges: readonly Exchange[],
    /** What was being done, e.g. the command (`updateAsset POST /asset/update #1`). */
    readonly step?: string,
  ) {
    super(
      `${step ? `${step}: ` : ''}${failures.length} contract failure${failures.length === 1 ? '' : 's'}\n${failures.map(failureLine).join('\n')}`,
    );
  }
}

/** The exchanges to reproduce a failure with: those the failures name, else every one given. */
export function failingExchanges(failures: readonly ContractFailure[], exchanges: readonly Exchange[]): Exchange[] {
  const named = new Set(failures.map((f) => f.exchangeId).filter((id): id is string => !!id));
  const picked = exchanges.filter((ex) => named.has(ex.id));
  return picked.length > 0 ? picked : [...exchanges];
}
