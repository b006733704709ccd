/**
 * A check that the status is documented for the operation: exactly, by its range (`4XX`) or by
 * `default` ("default ... for all HTTP codes that are not covered individually", OAS 3 §4.7.16).
 */
import { defineCheck } from '../define.js';
import { all, hasOperation, hasResponse, notWebSocket } from '../preconditions.js';
import { documentedStatuses } from '../facts.js';
import { responseFor } from '../../validate/media.js';
import type { Exchange } from '../../core/types.js';

export default defineCheck({
  name: 'status_code_conformance',
  title: 'Undocumented HTTP status code',
  kind: 'exchange',
  severity: 'high',
  basis: 'contract',
  description: 'A check that the response status is one the contract documents for the operation.',
  applies: all(hasResponse, hasOperation, notWebSocket),
  run: (ex: Exchange, ctx, fail) => {
    const op = ctx.operation!;
    if (responseFor(op, ex.response!.status)) return [];
    return [fail(op.operationId, `Received: ${ex.response!.status} / Documented: ${documentedStatuses(op)}`, ex.id)];
  },
});
