/** A check that a refused request left the state as it was (snapshots before and after are equal). */
import { defineCheck } from '../define.js';
import { firstDifference } from '../diff.js';
import { requestLine } from '../facts.js';
import type { Exchange } from '../../core/types.js';

/** A refused request and two snapshots of the state it must not have changed. */
export interface NoStateChangeFacts {
  /** The operation that was refused. */
  operation: string;
  rejected: Exchange;
  /** What the snapshots cover, e.g. `assets carrying this test's marker`. */
  what: string;
  before: unknown;
  after: unknown;
}

export default defineCheck({
  name: 'no_state_change_on_rejection',
  title: 'State changed by a refused request',
  kind: 'scenario',
  severity: 'critical',
  basis: 'assumed',
  why: 'A 4xx says the request was not carried out (RFC 9110 §15.5); no Pieces OS document says what a refused request leaves behind.',
  evidence: ['https://www.rfc-editor.org/rfc/rfc9110#section-15.5'],
  description:
    'A check that a request answered with 4xx changed nothing (the state snapshot before equals the one after).',
  // Only a refusal promises "no change"; an accepted invalid request is negative_data_rejection's finding.
  applies: (f: NoStateChangeFacts) => (f.rejected.response?.status ?? 0) >= 400,
  run: (f: NoStateChangeFacts, _ctx, fail) => {
    const diff = firstDifference(f.before, f.after);
    if (!diff) return [];
    const r = f.rejected;
    return [
      fail(
        f.operation,
        `${f.what} changed after ${r.response!.status} to ${requestLine(r.request.method, r.request.url)}: ${diff}`,
        r.id,
      ),
    ];
  },
});
