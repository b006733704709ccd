import { pointerToken } from '../paths.js';
import { defineRule, makeChange } from '../rule.js';
import { isObj } from '../view.js';
import { childPath, collectNodes } from '../walk.js';

/** A response body gains a property: lenient clients ignore it. */
export const responsePropertyAdded = defineRule(
  'response-property-added',
  'A response property was added: clients that ignore unknown fields are unaffected.',
  (o, n) =>
    collectNodes(o, n, 'response', (node, site) => {
      if (!isObj(node.new.properties) || !isObj(node.old.properties)) return [];
      const before = node.old.properties;
      return Object.keys(node.new.properties)
        .filter((name) => !(name in before))
        .map((name) =>
          makeChange(
            'response-property-added',
            site.old,
            `${node.pointer}/properties/${pointerToken(name)}`,
            'non-breaking',
            `${site.label}: property ${childPath(node.path, name)} added`,
          ),
        );
    }),
);
