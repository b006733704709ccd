import { defineRule, listValues, makeChange } from '../rule.js';
import type { Change } from '../types.js';
import { collectNodes, enumValues, showPath } from '../walk.js';

/** A request enum lost values (or a free value became an enum): clients that send the old values are rejected. */
export const requestEnumNarrowed = defineRule(
  'request-enum-narrowed',
  'A request enum lost values: clients that send them are rejected.',
  (o, n) =>
    collectNodes(o, n, 'request', (node, site): Change[] => {
      const [ov, nv] = [enumValues(node.old), enumValues(node.new)];
      if (!nv) return [];
      if (!ov) {
        return [
          makeChange(
            'request-enum-narrowed',
            site.old,
            `${node.pointer}/enum`,
            'breaking',
            `${site.label}: ${showPath(node.path)} is now restricted to ${nv.length} enum values`,
          ),
        ];
      }
      const removed = ov.filter((v) => !nv.includes(v));
      return removed.length
        ? [
            makeChange(
              'request-enum-narrowed',
              site.old,
              `${node.pointer}/enum`,
              'breaking',
              `${site.label}: ${showPath(node.path)} enum lost ${listValues(removed)}`,
            ),
          ]
        : [];
    }),
);
