import { pointerToken } from '../paths.js';
import { defineRule, makeChange } from '../rule.js';
import { isObj } from '../view.js';
import { childPath, collectNodes, requiredOf } from '../walk.js';

/** A request body gains an optional property: old clients do not send it. */
export const requestPropertyAdded = defineRule(
  'request-property-added',
  'An optional request property was added: old clients are unaffected.',
  (o, n) =>
    collectNodes(o, n, 'request', (node, site) => {
      if (!isObj(node.new.properties) || !isObj(node.old.properties)) return [];
      const before = node.old.properties;
      const required = requiredOf(node.new); // required additions are request-property-newly-required
      return Object.keys(node.new.properties)
        .filter((name) => !(name in before) && !required.has(name))
        .map((name) =>
          makeChange(
            'request-property-added',
            site.old,
            `${node.pointer}/properties/${pointerToken(name)}`,
            'non-breaking',
            `${site.label}: optional property ${childPath(node.path, name)} added`,
          ),
        );
    }),
);
