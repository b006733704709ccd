/** A check that the target answered at all: a refused, reset or timed-out request is a failure of that exchange. */
import { defineCheck } from '../define.js';
import { requestLine } from '../facts.js';
import type { Exchange } from '../../core/types.js';

export default defineCheck({
  name: 'target_responded',
  title: 'No response from target',
  kind: 'exchange',
  severity: 'critical',
  basis: 'contract',
  description: 'A check that every request got a response before the timeout (a hang or a dropped connection fails).',
  run: (ex: Exchange, ctx, fail) => {
    if (ex.response || !ex.error) return [];
    const op = ctx.operation?.operationId ?? requestLine(ex.request.method, ex.request.url);
    return [fail(op, `Received: no response after ${Math.round(ex.durationMs)} ms (${ex.error})`, ex.id)];
  },
});
