/** A check that deleting one resource leaves every other one as it was. */
import { defineCheck } from '../define.js';
import { firstDifference } from '../diff.js';
import { requestLine } from '../facts.js';
import type { Exchange } from '../../core/types.js';

/**
 * A resource the test kept beside the one it deleted (`sibling`), read again after `deletedBy`
 * removed `deleted`: the read must still answer it, unchanged from `before` (what the test compares:
 * name, content, ...) when given.
 */
export interface NoCollateralDamageFacts {
  /** The delete (it is blamed). */
  operation: string;
  deletedBy: string;
  deleted: string;
  sibling: string;
  read: Exchange;
  before?: unknown;
  after?: unknown;
}

export default defineCheck({
  name: 'no_collateral_damage',
  title: 'Delete damaged another resource',
  kind: 'scenario',
  severity: 'critical',
  basis: 'upstream',
  why: 'Upstream documents each delete as deleting the one asset or conversation its path names; any other resource it removes or changes was not asked for.',
  evidence: [
    'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/paths/~1assets~1{asset}~1delete/post',
    'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/paths/~1conversations~1{conversation}~1delete/post',
  ],
  description:
    'A check that deleting one asset or conversation leaves every other one readable and unchanged (a sibling kept by the test, the user’s data).',
  run: (f: NoCollateralDamageFacts, _ctx, fail) => {
    const status = f.read.response?.status;
    const line = requestLine(f.read.request.method, f.read.request.url);
    const cause = `after ${f.deletedBy} of ${f.deleted}`;
    if (status === undefined || status >= 300) {
      return [
        fail(f.operation, `${f.sibling} is gone ${cause}: ${line} answered ${status ?? f.read.error}`, f.read.id),
      ];
    }
    const diff = 'before' in f ? firstDifference(f.before, f.after) : undefined;
    return diff ? [fail(f.operation, `${f.sibling} changed ${cause}: ${diff}`, f.read.id)] : [];
  },
});
