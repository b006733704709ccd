import { isRequiredParam, paramPairs } from '../params.js';
import { defineRule, makeChange } from '../rule.js';

/** A new optional parameter: old clients simply do not send it. */
export const parameterAdded = defineRule(
  'parameter-added',
  'An optional parameter was added: old clients are unaffected.',
  (o, n) =>
    paramPairs(o, n)
      .filter((p) => !p.old && p.new && !isRequiredParam(p.new))
      .map((p) => makeChange('parameter-added', p.op, p.location, 'non-breaking', `optional ${p.label} added`)),
);
