/** A check that a valid request (intent `positive`) is not rejected with a 4xx (schemathesis `positive_data_acceptance`). */
import { defineCheck } from '../define.js';
import { registerCheck } from '../store.js';
import { all, hasOperation, hasResponse, intentIs } from '../preconditions.js';
import { excerpt } from '../facts.js';
import type { Exchange } from '../../core/types.js';

export default registerCheck(defineCheck<Exchange>({
  name: 'request_accepted_as_documented',
  title: 'Valid request rejected',
  kind: 'exchange',
  severity: 'high',
  description: 'A check that a request the suite built as valid (intent positive) is not answered with a 4xx.',
  applies: all(hasResponse, hasOperation, intentIs('positive')),
  run: (ex, ctx, fail) => {
    const status = ex.response!.status;
    if (status < 400 || status >= 500) return [];
    return [fail(ctx.operation!.operationId, `Received: ${status} / Expected: 2xx for a valid request (body: ${excerpt(ex.response!.body)})`, ex.id)];
  },
}));
