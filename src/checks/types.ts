/**
 * What a check is: a small named function with a fixed title that judges one subject and returns
 * failures (schemathesis `CheckFunction`, registered in one registry). Subjects:
 * - `exchange`: one HTTP request and its response;
 * - `stream`: one streamed request's frames (grouped by its `request` id) on a WebSocket;
 * - `scenario`: a lifecycle over several exchanges (create → get → delete ...), judged by the test
 *   that ran it, from the facts it gathered;
 * - `security`: one probe with a foreign Host or Origin (src/security), judged by the test that sent
 *   it; its failures are security findings, their own verdict (`--security enforce|report`).
 * Each check module's default export carries its name, kind and subject type; the registry derives
 * the name → subject map (`CheckSubjects`, registry.ts) from them.
 */
import type { Basis, ContractFailure, FailureSeverity } from '../core/errors.js';
import type { Operation } from '../contract/types.js';
import type { ValidatorSet } from '../validate/validators.js';

/** What every check may look at besides its subject. */
export interface CheckContext {
  validators: ValidatorSet;
  /** The operation the subject exercised, when it matched one. */
  operation?: Operation;
}

/** The kinds of subject a check judges. */
export type CheckKind = 'exchange' | 'stream' | 'scenario' | 'security';

/**
 * A registered check: name and title are fixed; `run` returns the failures (empty: passed). `Name`
 * and `Kind` are the literal name and kind of a defined check (what the typed registry is built from).
 */
export interface Check<Subject = unknown, Name extends string = string, Kind extends CheckKind = CheckKind> {
  readonly name: Name;
  readonly title: string;
  readonly kind: Kind;
  readonly severity: FailureSeverity;
  /** One line: what the check verifies. */
  readonly description: string;
  /** How sure the check's expectation is (src/checks/basis.ts); a failure may name a narrower one. */
  readonly basis: Basis;
  /** Why it is believed (required for `upstream` and `assumed`). */
  readonly why?: string;
  /** Where it is documented (`upstream`: a pointer into spec/versions/upstream/). */
  readonly evidence?: readonly string[];
  /** Whether the check has something to say about this subject (preconditions). */
  applies(subject: Subject, ctx: CheckContext): boolean;
  run(subject: Subject, ctx: CheckContext): ContractFailure[];
}
