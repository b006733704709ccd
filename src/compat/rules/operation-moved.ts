import { matchOperations } from '../match.js';
import { defineRule, makeChange } from '../rule.js';
import { displayPath } from '../view.js';

/** The same operation (same id) now lives at another method or path: clients still call the old one. */
export const operationMoved = defineRule(
  'operation-moved',
  'The path or method of an operation changed (paired by operationId): clients call the old address.',
  (o, n) =>
    matchOperations(o, n)
      .pairs.filter((p) => p.moved)
      .map((p) =>
        makeChange(
          'operation-moved',
          p.old,
          '',
          'breaking',
          `path or method changed: ${displayPath(p.old)} -> ${displayPath(p.new)}`,
        ),
      ),
);
