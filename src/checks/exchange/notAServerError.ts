/** A check that the response is not a server-side error (schemathesis `not_a_server_error`). */
import { defineCheck } from '../define.js';
import { all, hasOperation, hasResponse } from '../preconditions.js';
import { excerpt } from '../facts.js';
import { responseFor } from '../../validate/media.js';
import type { Exchange } from '../../core/types.js';

export default defineCheck({
  name: 'not_a_server_error',
  title: 'Server error',
  kind: 'exchange',
  severity: 'critical',
  basis: 'contract',
  description: 'A check that the response is not a server-side error (5xx), documented or not.',
  applies: all(hasResponse, hasOperation),
  run: (ex: Exchange, ctx, fail) => {
    const status = ex.response!.status;
    if (status < 500) return [];
    // A 5xx the contract leaves out breaks it; one it documents is failed on this project's reading.
    const documented = responseFor(ctx.operation!, status) !== undefined;
    return [
      fail(
        ctx.operation!.operationId,
        `Received: ${status} / Expected: a status below 500 (body: ${excerpt(ex.response!.body)})`,
        ex.id,
        documented ? 'documented-server-error' : undefined,
      ),
    ];
  },
});
