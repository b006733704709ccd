import { alternativesWidened } from '../alternatives.js';
import { defineRule, makeChange } from '../rule.js';
import { collectNodes, showPath } from '../walk.js';

const NAME = 'response-alternatives-widened';

/** A response schema's anyOf/oneOf gained a branch or went away: clients that handle each known shape may meet a new one. */
export const responseAlternativesWidened = defineRule(
  NAME,
  'A response anyOf/oneOf admits more shapes: clients that handle each known one may meet a new one.',
  (o, n) =>
    collectNodes(o, n, 'response', (node, site) =>
      alternativesWidened(node.old, node.new).map((what) =>
        makeChange(NAME, site.old, node.pointer, 'warning', `${site.label}: ${showPath(node.path)} ${what}`),
      ),
    ),
);
