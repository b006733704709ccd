/**
 * The two error families of the harness (schemathesis' failures vs errors split):
 * a ContractFailure means the target broke the contract; a HarnessError means the harness, its
 * spec, its configuration or its usage is wrong. They are never reported as each other.
 */
import type { Severity } from './types.js';

/** How serious a contract failure is, for ordering reports. */
export type FailureSeverity = 'critical' | 'high' | 'medium' | 'low';

/**
 * How sure an expectation is: `contract` (the contract in force documents it), `upstream` (a real
 * Pieces OS contract, spec/versions/upstream/, documents it) or `assumed` (this project's reading;
 * listed with why in the README's assumptions table). See src/checks/basis.ts.
 */
export type Basis = 'contract' | 'upstream' | 'assumed';

/** The target broke the contract: one check, one operation, one line of facts. */
export class ContractFailure extends Error {
  override readonly name = 'ContractFailure';
  constructor(
    /** The registered check's name, e.g. `status_code_conformance`. */
    readonly check: string,
    /** The check's fixed title, e.g. `Undocumented HTTP status code`. */
    readonly title: string,
    /** The operation (operationId, or channel name for streams). */
    readonly operation: string,
    /** Facts, e.g. `Received: 500 / Documented: 200, 410`. */
    readonly facts: string,
    readonly severity: FailureSeverity = 'high',
    /** The exchange that showed the failure, when there is one. */
    readonly exchangeId?: string,
    /** How sure the broken expectation is. */
    readonly basis: Basis = 'contract',
    /** The named expectation (src/checks/basis.ts) when it is not the check's own. */
    readonly expectation?: string,
  ) {
    super(`[${check}] ${operation}: ${title}. ${facts}`);
  }

  /** Identity used to collapse duplicates: check + operation + facts. */
  get key(): string {
    return `${this.check}|${this.operation}|${this.facts}`;
  }
}

/** Why the harness itself could not go on (broken spec, bad config, unreachable target, usage). */
export type HarnessErrorCode = 'spec' | 'config' | 'target' | 'usage' | 'internal';

/** The harness, its spec, its configuration or its usage is wrong: one clear line, no stack. */
export class HarnessError extends Error {
  override readonly name = 'HarnessError';
  constructor(
    readonly code: HarnessErrorCode,
    message: string,
    /** How to fix it, shown after the message. */
    readonly hint?: string,
  ) {
    super(message);
  }

  /** The one line printed to the user. */
  toLine(): string {
    return `pieces-conformance: ${this.code} error: ${this.message}${this.hint ? ` (${this.hint})` : ''}`;
  }
}

/** True when a diagnostic list holds an error (not only warnings). */
export function hasErrors(diags: readonly { severity: Severity }[]): boolean {
  return diags.some((d) => d.severity === 'error');
}
