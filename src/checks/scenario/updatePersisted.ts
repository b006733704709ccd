/** A check that an accepted update is what a later read answers. */
import { defineCheck } from '../define.js';
import { registerCheck } from '../store.js';
import { deepEqual, show } from '../diff.js';

/** A field the test changed with `updatedBy`, and what `operation` read back afterwards. */
export interface UpdatePersistedFacts {
  operation: string;
  id: string;
  updatedBy: string;
  field: string;
  sent: unknown;
  readBack: unknown;
}

export default registerCheck(defineCheck<UpdatePersistedFacts>({
  name: 'update_persisted',
  title: 'Update not persisted',
  kind: 'scenario',
  severity: 'high',
  description: 'A check that a field changed by an accepted update reads back with the new value.',
  run: (f, _ctx, fail) => deepEqual(f.sent, f.readBack)
    ? []
    : [fail(f.operation, `${f.field} of ${f.id}: sent ${show(f.sent)} with ${f.updatedBy} / read back ${show(f.readBack)}`)],
}));
