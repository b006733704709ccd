/**
 * A check that a valid request (intent `positive`) is accepted (schemathesis `positive_data_acceptance`):
 * any status from 400 up refuses it (a 5xx is also not_a_server_error's finding; a 503 or 429 is
 * documented, yet a valid request was still not served).
 */
import { defineCheck } from '../define.js';
import { all, hasOperation, hasResponse, intentIs } from '../preconditions.js';
import { excerpt } from '../facts.js';
import type { Exchange } from '../../core/types.js';

export default defineCheck({
  name: 'request_accepted_as_documented',
  title: 'Valid request rejected',
  kind: 'exchange',
  severity: 'high',
  basis: 'contract',
  description:
    'A check that a request the suite built as valid (intent positive) is answered with a 2xx or 3xx, not refused.',
  applies: all(hasResponse, hasOperation, intentIs('positive')),
  run: (ex: Exchange, ctx, fail) => {
    const status = ex.response!.status;
    if (status < 400) return [];
    return [
      fail(
        ctx.operation!.operationId,
        `Received: ${status} / Expected: 2xx for a valid request (body: ${excerpt(ex.response!.body)})`,
        ex.id,
      ),
    ];
  },
});
