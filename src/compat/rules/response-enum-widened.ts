import { defineRule, listValues, makeChange } from '../rule.js';
import type { Change } from '../types.js';
import { collectNodes, enumValues, showPath } from '../walk.js';

/** A response enum gained values (or stopped being an enum): strict clients reject the new values. */
export const responseEnumWidened = defineRule(
  'response-enum-widened',
  'A response enum gained values: strict clients that map every value may reject the new ones.',
  (o, n) =>
    collectNodes(o, n, 'response', (node, site): Change[] => {
      const [ov, nv] = [enumValues(node.old), enumValues(node.new)];
      if (!ov) return [];
      if (!nv) {
        return [
          makeChange(
            'response-enum-widened',
            site.old,
            `${node.pointer}/enum`,
            'warning',
            `${site.label}: ${showPath(node.path)} is no longer restricted to an enum`,
          ),
        ];
      }
      const added = nv.filter((v) => !ov.includes(v));
      return added.length
        ? [
            makeChange(
              'response-enum-widened',
              site.old,
              `${node.pointer}/enum`,
              'warning',
              `${site.label}: ${showPath(node.path)} enum gained ${listValues(added)}`,
            ),
          ]
        : [];
    }),
);
