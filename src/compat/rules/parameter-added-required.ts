import { isRequiredParam, paramPairs } from '../params.js';
import { defineRule, makeChange } from '../rule.js';

/** A new parameter is required: old clients do not send it and are rejected. */
export const parameterAddedRequired = defineRule(
  'parameter-added-required',
  'A required parameter was added: old clients do not send it.',
  (o, n) =>
    paramPairs(o, n)
      .filter((p) => !p.old && p.new && isRequiredParam(p.new))
      .map((p) => makeChange('parameter-added-required', p.op, p.location, 'breaking', `required ${p.label} added`)),
);
