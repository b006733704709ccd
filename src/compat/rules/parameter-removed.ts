import { paramPairs } from '../params.js';
import { defineRule, makeChange } from '../rule.js';

/** A parameter the old version declared is gone: clients that send it lose its effect or are rejected. */
export const parameterRemoved = defineRule(
  'parameter-removed',
  'A parameter was removed: clients that send it lose its effect or are rejected.',
  (o, n) =>
    paramPairs(o, n)
      .filter((p) => p.old && !p.new)
      .map((p) => makeChange('parameter-removed', p.op, p.location, 'breaking', `${p.label} removed`)),
);
