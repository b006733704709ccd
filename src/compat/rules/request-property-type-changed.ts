import { defineRule, makeChange } from '../rule.js';
import type { Change } from '../types.js';
import { collectNodes, schemaType, showPath } from '../walk.js';

/** A request value changed type (breaking; integer -> number is a widening) or format (warning). */
export const requestPropertyTypeChanged = defineRule(
  'request-property-type-changed',
  'A request property changed type or format: clients send the old type.',
  (o, n) =>
    collectNodes(o, n, 'request', (node, site): Change[] => {
      const [ot, nt] = [schemaType(node.old), schemaType(node.new)];
      if (ot && nt && ot !== nt) {
        const widened = ot === 'integer' && nt === 'number';
        return [
          makeChange(
            'request-property-type-changed',
            site.old,
            `${node.pointer}/type`,
            widened ? 'non-breaking' : 'breaking',
            `${site.label}: ${showPath(node.path)} type changed: ${ot} -> ${nt}`,
          ),
        ];
      }
      const [of, nf] = [node.old.format, node.new.format];
      if (of && nf && of !== nf) {
        return [
          makeChange(
            'request-property-type-changed',
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
