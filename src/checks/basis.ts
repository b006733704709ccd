/**
 * How sure every expectation is (issue 13: judged by what the real Pieces OS does). A check
 * declares the basis of its own expectation; a failure that breaks a narrower expectation (a 409 on
 * a second close, a 413 above the body limit ...) names one of the EXPECTATIONS below, which carries
 * its own basis. Suites name an expectation on the exchanges they build (`CallOptions.expectation`)
 * so a negative request beyond the contract is judged with that expectation's basis.
 *
 * - `contract`: the contract in force documents it (whichever `--contract` is chosen);
 * - `upstream`: a real Pieces OS contract (spec/versions/upstream/) documents it: `evidence` names where;
 * - `assumed`: this project's reading; `why` says why it is believed. Every assumed expectation is
 *   listed in the README's assumptions table (generated: `npm run docs:assumptions`).
 */
import { ContractFailure, HarnessError, type Basis } from '../core/errors.js';

export type { Basis } from '../core/errors.js';

/** The bases, strongest first. */
export const BASES: readonly Basis[] = ['contract', 'upstream', 'assumed'];

/** What a check or an expectation says about how sure it is. */
export type BasisClaim =
  | { basis: 'contract'; why?: string; evidence?: readonly string[] }
  | { basis: 'upstream'; why: string; evidence: readonly string[] }
  | { basis: 'assumed'; why: string; evidence?: readonly string[] };

/** A named expectation narrower than its check's own: what it says, and how sure it is. */
export type Expectation = BasisClaim & {
  /** The check whose failures carry it. */
  check: string;
  /** One line: what is expected. */
  says: string;
};

const UPSTREAM = 'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml';

/** Every named expectation, by id. A failure (or an exchange) naming one carries its basis. */
export const EXPECTATIONS = {
  'documented-server-error': {
    check: 'not_a_server_error',
    says: 'A 5xx the contract documents (e.g. 500 on the QGPT operations) is still a failure',
    basis: 'assumed',
    why: 'A documented 500 says the server may fail, not that failing is right: no valid request should meet one (schemathesis not_a_server_error).',
    evidence: ['https://www.rfc-editor.org/rfc/rfc9110#section-15.6'],
  },
  'oversized-body-refused': {
    check: 'negative_data_rejection',
    says: 'A request body over 1 MiB is refused with 413 and nothing is stored',
    basis: 'assumed',
    why: 'No upstream Pieces OS contract documents a body limit or a 413; the 1 MiB limit and its 413 are the refined contract’s reading (a local server that buffers any body is the risk).',
    evidence: [`${UPSTREAM}#/paths/~1assets~1create/post/responses`],
  },
  'gone-after-delete-no-upstream-410': {
    check: 'use_after_delete',
    says: 'A deleted resource whose read upstream documents no 410 (formats) no longer answers 2xx',
    basis: 'assumed',
    why: 'Upstream documents 410 Gone only for a missing asset, conversation and model; that a deleted asset’s formats go with it is this project’s reading of the asset owning its formats.',
    evidence: [`${UPSTREAM}#/paths/~1format~1{format}/get/responses`],
  },
  'deleted-asset-refuses-writes': {
    check: 'use_after_delete',
    says: 'An update or a second delete of a deleted asset is refused with 410 Gone',
    basis: 'contract',
    why: 'The refined contract documents 410 for updateAsset and deleteAsset; upstream documents only their 200.',
    evidence: [
      `${UPSTREAM}#/paths/~1asset~1update/post/responses`,
      `${UPSTREAM}#/paths/~1assets~1{asset}~1delete/post/responses`,
    ],
  },
  'deleted-not-listed': {
    check: 'use_after_delete',
    says: 'A listing read after a successful delete no longer holds the deleted id',
    basis: 'assumed',
    why: 'Upstream documents the delete operations but not when a snapshot reflects them; a delete that leaves the item listed did not delete (checked within the bounded wait).',
    evidence: [`${UPSTREAM}#/paths/~1assets~1{asset}~1delete/post`, `${UPSTREAM}#/paths/~1assets/get`],
  },
  'created-listed': {
    check: 'ensure_resource_availability',
    says: 'A listing read after a create holds the created id',
    basis: 'assumed',
    why: 'Upstream documents the create and snapshot operations but not when a snapshot shows a new item; a created item missing from its listing is lost to every client that lists.',
    evidence: [`${UPSTREAM}#/paths/~1assets~1create/post`, `${UPSTREAM}#/paths/~1assets/get`],
  },
  'session-close-twice-409': {
    check: 'session_lifecycle',
    says: 'Closing an application session a second time is refused with 409',
    basis: 'assumed',
    why: 'Upstream documents only 200 for /applications/session/close (and deprecates it); refusing a second close is the refined contract’s reading: a closed session’s `closed` timestamp must not move.',
    evidence: [`${UPSTREAM}#/paths/~1applications~1session~1close/post/responses`],
  },
  'unknown-id-gone': {
    check: 'negative_data_rejection',
    says: 'A read of an unknown asset, conversation or model is refused (410 Gone)',
    basis: 'upstream',
    why: 'Upstream documents 410 Gone for a missing asset, conversation and model.',
    evidence: [
      `${UPSTREAM}#/paths/~1asset~1{asset}/get/responses/410`,
      `${UPSTREAM}#/paths/~1conversation~1{conversation}/get/responses/410`,
      `${UPSTREAM}#/paths/~1model~1{model}/get/responses/410`,
    ],
  },
  'load-needs-download': {
    check: 'negative_data_rejection',
    says: 'Loading or unloading a model that is not downloaded is refused (4xx) and leaves its flags unchanged',
    basis: 'assumed',
    why: 'Upstream documents no refusal (409) for loading a model that is not downloaded; the refusal and its “no change” are the refined contract’s reading.',
    evidence: [`${UPSTREAM}#/paths/~1model~1{model}~1load/post/responses`],
  },
} as const satisfies Record<string, Expectation>;

/** The id of a named expectation. */
export type ExpectationId = keyof typeof EXPECTATIONS;

/** The named expectation `id` (with its id). */
export function expectationNamed(id: ExpectationId): Expectation & { id: ExpectationId } {
  return { id, ...(EXPECTATIONS[id] as Expectation) };
}

/** Every named expectation, with its id. */
export function allExpectations(): Array<Expectation & { id: ExpectationId }> {
  return (Object.keys(EXPECTATIONS) as ExpectationId[]).map(expectationNamed);
}

/** Whether `id` names an expectation. */
export function isExpectationId(id: unknown): id is ExpectationId {
  return typeof id === 'string' && Object.hasOwn(EXPECTATIONS, id);
}

/** The expectation an exchange names (`undefined`: none); an unknown name is a usage error. */
export function expectationOf(exchange: { expectation?: string }): ExpectationId | undefined {
  const id = exchange.expectation;
  if (id === undefined) return undefined;
  if (!isExpectationId(id))
    throw new HarnessError(
      'usage',
      `unknown expectation ${JSON.stringify(id)}`,
      `known: ${Object.keys(EXPECTATIONS).join(', ')}`,
    );
  return id;
}

/** The failure held to the named expectation instead of its check's own: same facts, that basis. */
export function relabel(failure: ContractFailure, id: ExpectationId): ContractFailure {
  return new ContractFailure(
    failure.check,
    failure.title,
    failure.operation,
    failure.facts,
    failure.severity,
    failure.exchangeId,
    EXPECTATIONS[id].basis,
    id,
  );
}

/** How unmet assumed expectations count: failures (`enforce`) or warnings (`warn`). */
export const ASSUMPTION_MODES = ['enforce', 'warn'] as const;
export type AssumptionMode = (typeof ASSUMPTION_MODES)[number];

/** The mode in force: the configured one, else enforce on the embedded emulator and warn on any other target. */
export function assumptionMode(targetKind: 'emulator' | 'live', configured?: AssumptionMode): AssumptionMode {
  return configured ?? (targetKind === 'emulator' ? 'enforce' : 'warn');
}

/** Failures that fail, and (under `warn`) the unmet assumed expectations that are only warnings. */
export function splitByAssumptions(
  found: readonly ContractFailure[],
  mode: AssumptionMode,
): { failures: ContractFailure[]; warnings: ContractFailure[] } {
  if (mode === 'enforce') return { failures: [...found], warnings: [] };
  return { failures: found.filter((f) => f.basis !== 'assumed'), warnings: found.filter((f) => f.basis === 'assumed') };
}
