import { tightenings } from '../constraints.js';
import { paramPairs } from '../params.js';
import { defineRule, makeChange } from '../rule.js';
import type { Change } from '../types.js';
import { collectNodes, effective, showPath } from '../walk.js';

const NAME = 'request-constraint-tightened';

/**
 * A request body property or a parameter accepts fewer values: a bound, pattern, multipleOf,
 * uniqueItems or closed object added or made stricter (breaking); a format added (warning).
 */
export const requestConstraintTightened = defineRule(
  NAME,
  'A request value constraint got stricter: values clients sent before are now rejected.',
  (o, n) => {
    const out: Change[] = collectNodes(o, n, 'request', (node, site) =>
      tightenings(node.old, node.new).map((t) =>
        makeChange(
          NAME,
          site.old,
          `${node.pointer}/${t.keyword}`,
          t.soft ? 'warning' : 'breaking',
          `${site.label}: ${showPath(node.path)} ${t.change}`,
        ),
      ),
    );
    for (const p of paramPairs(o, n)) {
      if (!p.old || !p.new) continue;
      for (const t of tightenings(effective(o, p.old.schema), effective(n, p.new.schema))) {
        out.push(
          makeChange(
            NAME,
            p.op,
            `${p.location}/schema/${t.keyword}`,
            t.soft ? 'warning' : 'breaking',
            `${p.label} ${t.change}`,
          ),
        );
      }
    }
    return out;
  },
);
