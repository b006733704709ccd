/** A check that an invalid request (intent `negative`) is refused with a 4xx (schemathesis `negative_data_rejection`). */
import { defineCheck } from '../define.js';
import { all, hasOperation, hasResponse, intentIs } from '../preconditions.js';
import type { Exchange } from '../../core/types.js';
import { expectationOf } from '../basis.js';

export default defineCheck({
  name: 'negative_data_rejection',
  title: 'Invalid request accepted',
  kind: 'exchange',
  severity: 'medium',
  basis: 'assumed',
  why: "Upstream Pieces OS documents no 4xx for invalid input (only /connect has a 400): refusing a request that breaks the request schema is this project's reading (schemathesis negative_data_rejection).",
  evidence: ['https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1'],
  description:
    'A check that a request the suite built as invalid (intent negative) is refused with a 4xx; 5xx is left to not_a_server_error.',
  applies: all(hasResponse, hasOperation, intentIs('negative')),
  run: (ex: Exchange, ctx, fail) => {
    const status = ex.response!.status;
    if (status >= 400) return [];
    const why = ex.note ? ` (${ex.note})` : '';
    return [fail(ctx.operation!.operationId, `Received: ${status} / Expected: 4xx${why}`, ex.id, expectationOf(ex))];
  },
});
