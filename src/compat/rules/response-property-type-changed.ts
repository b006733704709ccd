import { defineRule, makeChange } from '../rule.js';
import type { Change } from '../types.js';
import { collectNodes, schemaType, showPath } from '../walk.js';

/** A response value changed type (breaking) or format (warning): clients parse the old one. */
export const responsePropertyTypeChanged = defineRule(
  'response-property-type-changed',
  'A response property changed type or format: clients parse the old type.',
  (o, n) =>
    collectNodes(o, n, 'response', (node, site): Change[] => {
      const [ot, nt] = [schemaType(node.old), schemaType(node.new)];
      if (ot && nt && ot !== nt) {
        return [
          makeChange(
            'response-property-type-changed',
            site.old,
            `${node.pointer}/type`,
            'breaking',
            `${site.label}: ${showPath(node.path)} type changed: ${ot} -> ${nt}`,
          ),
        ];
      }
      const [of, nf] = [node.old.format, node.new.format];
      if (of && nf && of !== nf) {
        return [
          makeChange(
            'response-property-type-changed',
            site.old,
            `${node.pointer}/format`,
            'warning',
            `${site.label}: ${showPath(node.path)} format changed: ${String(of)} -> ${String(nf)}`,
          ),
        ];
      }
      return [];
    }),
);
