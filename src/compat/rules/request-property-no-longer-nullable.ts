import { defineRule, makeChange } from '../rule.js';
import { collectNodes, showPath } from '../walk.js';

/** A request value may no longer be null: clients that send null are rejected. */
export const requestPropertyNoLongerNullable = defineRule(
  'request-property-no-longer-nullable',
  'A request value is no longer nullable: clients that send null are rejected.',
  (o, n) =>
    collectNodes(o, n, 'request', (node, site) =>
      node.old.nullable === true && node.new.nullable !== true
        ? [
            makeChange(
              'request-property-no-longer-nullable',
              site.old,
              `${node.pointer}/nullable`,
              'breaking',
              `${site.label}: ${showPath(node.path)} may no longer be null`,
            ),
          ]
        : [],
    ),
);
