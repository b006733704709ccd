/** A check that an accepted update is what a later read answers. */
import { defineCheck } from '../define.js';
import { deepEqual, show } from '../diff.js';

/**
 * A field the test changed with an update, and what a read answered afterwards. The update is the
 * operation blamed: `updatedBy` when given, else `operation`; the read is `readBy`, else `operation`.
 */
export interface UpdatePersistedFacts {
  operation: string;
  id: string;
  /** The update that was accepted (`updateAsset`). */
  updatedBy?: string;
  /** The read that answered `readBack` (`getAsset`, or the update's own answer). */
  readBy?: string;
  field: string;
  sent: unknown;
  readBack: unknown;
}

export default defineCheck({
  name: 'update_persisted',
  title: 'Update not persisted',
  kind: 'scenario',
  severity: 'high',
  basis: 'upstream',
  why: 'Upstream documents /asset/update as updating the asset and answering the updated Asset.',
  evidence: [
    'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/paths/~1asset~1update/post/responses/200',
  ],
  description:
    'A check that a field changed by an accepted update reads back with the new value (the update is blamed).',
  run: (f: UpdatePersistedFacts, _ctx, fail) => {
    if (deepEqual(f.sent, f.readBack)) return [];
    const update = f.updatedBy ?? f.operation;
    const reader = f.readBy ?? f.operation;
    return [
      fail(
        update,
        `${f.field} of ${f.id}: sent ${show(f.sent)} with ${update} / ${reader === update ? 'its answer' : reader} read back ${show(f.readBack)}`,
      ),
    ];
  },
});
