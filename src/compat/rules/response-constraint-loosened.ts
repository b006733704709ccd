import { describeLoosening, tightenings } from '../constraints.js';
import { defineRule, makeChange } from '../rule.js';
import type { Change } from '../types.js';
import { collectNodes, showPath } from '../walk.js';

const NAME = 'response-constraint-loosened';

/**
 * A response property may now hold values the old contract ruled out (a bound raised or removed, a
 * pattern dropped or changed, an object opened): clients sized or validated for the old bounds may
 * fail, so it is a warning.
 */
export const responseConstraintLoosened = defineRule(
  NAME,
  'A response value constraint got looser: clients that relied on the old bound may fail on new values.',
  (o, n) =>
    collectNodes(o, n, 'response', (node, site): Change[] =>
      tightenings(node.new, node.old).map((t) =>
        makeChange(
          NAME,
          site.old,
          `${node.pointer}/${t.keyword}`,
          'warning',
          `${site.label}: ${showPath(node.path)} ${describeLoosening(t, node.old, node.new)}`,
        ),
      ),
    ),
);
