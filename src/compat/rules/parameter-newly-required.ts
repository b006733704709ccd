import { isRequiredParam, paramPairs } from '../params.js';
import { defineRule, makeChange } from '../rule.js';

/** An optional parameter became required: clients that omit it are rejected. */
export const parameterNewlyRequired = defineRule(
  'parameter-newly-required',
  'An optional parameter became required: clients that omit it are rejected.',
  (o, n) =>
    paramPairs(o, n)
      .filter((p) => p.old && p.new && !isRequiredParam(p.old) && isRequiredParam(p.new))
      .map((p) =>
        makeChange(
          'parameter-newly-required',
          p.op,
          `${p.location}/required`,
          'breaking',
          `${p.label} is now required`,
        ),
      ),
);
