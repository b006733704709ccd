/** A check that the response body validates against the schema documented for its status and media type. */
import { defineCheck } from '../define.js';
import { documentedHttpResponse } from '../preconditions.js';
import { essence } from '../../validate/media.js';
import type { Exchange } from '../../core/types.js';

/** How many diagnostics one failure line shows before summarising the rest. */
const SHOWN = 3;

export default defineCheck({
  name: 'response_schema_conformance',
  title: 'Response violates schema',
  kind: 'exchange',
  severity: 'high',
  basis: 'contract',
  description:
    'A check that the response body conforms to the schema documented for its status and media type (warnings in lenient mode do not fail).',
  applies: documentedHttpResponse,
  run: (ex: Exchange, ctx, fail) => {
    const op = ctx.operation!;
    const res = ex.response!;
    const ct = res.headers['content-type'];
    const { checked, diagnostics } = ctx.validators.validateResponse(op.operationId, res.status, ct, res.body);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (!checked || errors.length === 0) return [];
    const shown = errors
      .slice(0, SHOWN)
      .map((d) => d.message)
      .join('; ');
    const more = errors.length > SHOWN ? ` (+${errors.length - SHOWN} more)` : '';
    return [fail(op.operationId, `${shown}${more} / Status: ${res.status} ${essence(ct) ?? ''}`.trim(), ex.id)];
  },
});
