import { matchOperations } from '../match.js';
import { defineRule, makeChange } from '../rule.js';
import { displayPath } from '../view.js';

/** An operation exists only in the new version: old clients never call it. */
export const operationAdded = defineRule(
  'operation-added',
  'An operation was added: old clients are unaffected.',
  (o, n) =>
    matchOperations(o, n).added.map((op) =>
      makeChange('operation-added', op, '', 'non-breaking', `operation ${displayPath(op)} added`),
    ),
);
