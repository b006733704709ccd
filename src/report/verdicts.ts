/**
 * How a test hands its judged failures and warnings to the reports beyond its error message:
 * Playwright annotations, read back from the JSON report by results.ts (summary.md) and written by
 * the JUnit reporter as testcase properties. Each annotation's description is
 * `<kind>: [check] operation: Title. facts` — for a failure the kind is its basis (`contract`,
 * `upstream`, `assumed`); for a warning it is what made it a warning (`assumed` under
 * `--assumptions warn`; other verdicts may add their own kinds).
 */
import type { ContractFailure } from '../core/errors.js';

/** The annotation carrying a failure's basis. */
export const BASIS_ANNOTATION = 'failure-basis';
/** The annotation carrying a warning (a finding that does not fail the test). */
export const WARNING_ANNOTATION = 'warning';

/** `assumed: [check] op: Title. facts`. */
export function basisAnnotation(f: ContractFailure): string {
  return `${f.basis}: ${f.message}`;
}

/** A warning annotation: the same form, the kind being the failure's basis. */
export function warningAnnotation(f: ContractFailure): string {
  return `${f.basis}: ${f.message}`;
}

/** Splits `kind: line` back; a description without a kind is `other`. */
export function parseKindLine(description: string): { kind: string; line: string } {
  const m = /^([a-z][a-z-]*): (.*)$/s.exec(description);
  return m ? { kind: m[1]!, line: m[2]! } : { kind: 'other', line: description };
}
