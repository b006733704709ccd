import { pointerToken } from '../paths.js';
import { defineRule, makeChange } from '../rule.js';
import { isObj } from '../view.js';
import { childPath, collectNodes, requiredOf } from '../walk.js';

/** A request property is now required (an optional one, or a new one): old clients may not send it. */
export const requestPropertyNewlyRequired = defineRule(
  'request-property-newly-required',
  'A request property became required: old clients that omit it are rejected.',
  (o, n) =>
    collectNodes(o, n, 'request', (node, site) => {
      const before = requiredOf(node.old);
      const known = isObj(node.old.properties) ? node.old.properties : {};
      return [...requiredOf(node.new)]
        .filter((name) => !before.has(name))
        .map((name) =>
          makeChange(
            'request-property-newly-required',
            site.old,
            `${node.pointer}/properties/${pointerToken(name)}`,
            'breaking',
            `${site.label}: ${name in known ? 'property' : 'new required property'} ${childPath(node.path, name)}` +
              `${name in known ? ' is now required' : ''}`,
          ),
        );
    }),
);
