import { paramPairs } from '../params.js';
import { defineRule, makeChange } from '../rule.js';
import type { Change } from '../types.js';
import { effective, schemaType } from '../walk.js';

/** A parameter's schema type (breaking) or format (warning) changed: clients serialise the old one. */
export const parameterTypeChanged = defineRule(
  'parameter-type-changed',
  'A parameter type or format changed: clients send values of the old type.',
  (o, n) => {
    const out: Change[] = [];
    for (const p of paramPairs(o, n)) {
      if (!p.old || !p.new) continue;
      const os = effective(o, p.old.schema);
      const ns = effective(n, p.new.schema);
      const [ot, nt] = [schemaType(os), schemaType(ns)];
      if (ot && nt && ot !== nt) {
        out.push(
          makeChange(
            'parameter-type-changed',
            p.op,
            `${p.location}/schema/type`,
            'breaking',
            `${p.label} type changed: ${ot} -> ${nt}`,
          ),
        );
      } else if (os.format && ns.format && os.format !== ns.format) {
        out.push(
          makeChange(
            'parameter-type-changed',
            p.op,
            `${p.location}/schema/format`,
            'warning',
            `${p.label} format changed: ${String(os.format)} -> ${String(ns.format)}`,
          ),
        );
      }
    }
    return out;
  },
);
