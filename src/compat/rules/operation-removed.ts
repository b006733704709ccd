import { matchOperations } from '../match.js';
import { defineRule, makeChange } from '../rule.js';
import { displayPath } from '../view.js';

/** An operation of the old version is gone from the new one: clients calling it fail. */
export const operationRemoved = defineRule(
  'operation-removed',
  'An operation was removed: clients that call it get 404 or 405.',
  (o, n) =>
    matchOperations(o, n).removed.map((op) =>
      makeChange('operation-removed', op, '', 'breaking', `operation ${displayPath(op)} removed`),
    ),
);
