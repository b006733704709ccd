import { alternativesNarrowed } from '../alternatives.js';
import { defineRule, makeChange } from '../rule.js';
import { collectNodes, showPath } from '../walk.js';

const NAME = 'request-alternatives-narrowed';

/** A request schema's anyOf/oneOf lost a branch, appeared, or turned anyOf into oneOf: bodies clients sent are refused. */
export const requestAlternativesNarrowed = defineRule(
  NAME,
  'A request anyOf/oneOf accepts fewer shapes: bodies clients sent before are refused.',
  (o, n) =>
    collectNodes(o, n, 'request', (node, site) =>
      alternativesNarrowed(node.old, node.new).map((what) =>
        makeChange(NAME, site.old, node.pointer, 'breaking', `${site.label}: ${showPath(node.path)} ${what}`),
      ),
    ),
);
