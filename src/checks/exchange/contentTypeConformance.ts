/** A check that the response's Content-Type is one documented for its status (schemathesis `content_type_conformance`). */
import { defineCheck } from '../define.js';
import { documentedHttpResponse } from '../preconditions.js';
import { essence, mediaFor, responseFor } from '../../validate/media.js';
import type { Exchange } from '../../core/types.js';

export default defineCheck({
  name: 'content_type_conformance',
  title: 'Undocumented Content-Type',
  kind: 'exchange',
  severity: 'medium',
  basis: 'contract',
  description:
    'A check that a response with a documented body carries a Content-Type the contract documents for that status.',
  applies: documentedHttpResponse,
  run: (ex: Exchange, ctx, fail) => {
    const op = ctx.operation!;
    const res = responseFor(op, ex.response!.status)!;
    const documented = Object.keys(res.content);
    // A response documented without content has nothing to conform to.
    if (documented.length === 0) return [];
    const received = ex.response!.headers['content-type'];
    if (mediaFor(res.content, received)) return [];
    const shown = received ? essence(received) : '(no Content-Type header)';
    return [
      fail(
        op.operationId,
        `Received: ${shown} for ${ex.response!.status} / Documented: ${documented.join(', ')}`,
        ex.id,
      ),
    ];
  },
});
