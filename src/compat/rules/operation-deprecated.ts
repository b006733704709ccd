import { matchOperations } from '../match.js';
import { defineRule, makeChange } from '../rule.js';

/** The new version deprecates an operation the old one did not: it still works, but is due to go. */
export const operationDeprecated = defineRule(
  'operation-deprecated',
  'An operation became deprecated: it still works but clients should move off it.',
  (o, n) =>
    matchOperations(o, n)
      .pairs.filter((p) => p.new.op.deprecated === true && p.old.op.deprecated !== true)
      .map((p) => makeChange('operation-deprecated', p.old, '/deprecated', 'warning', 'operation is now deprecated')),
);
