import { defineRule, makeChange } from '../rule.js';
import { collectNodes, showPath } from '../walk.js';

/** A response value may now be null: clients that dereference it break. */
export const responsePropertyBecameNullable = defineRule(
  'response-property-became-nullable',
  'A response value became nullable: clients that use it without a null check break.',
  (o, n) =>
    collectNodes(o, n, 'response', (node, site) =>
      node.new.nullable === true && node.old.nullable !== true
        ? [
            makeChange(
              'response-property-became-nullable',
              site.old,
              `${node.pointer}/nullable`,
              'breaking',
              `${site.label}: ${showPath(node.path)} may now be null`,
            ),
          ]
        : [],
    ),
);
