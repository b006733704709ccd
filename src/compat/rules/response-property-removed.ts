import { pointerToken } from '../paths.js';
import { defineRule, makeChange } from '../rule.js';
import { isObj } from '../view.js';
import { childPath, collectNodes } from '../walk.js';

/** A property of a response body is no longer declared: clients that read it get nothing. */
export const responsePropertyRemoved = defineRule(
  'response-property-removed',
  'A response property was removed: clients that read it break.',
  (o, n) =>
    collectNodes(o, n, 'response', (node, site) => {
      if (!isObj(node.old.properties)) return [];
      const now = isObj(node.new.properties) ? node.new.properties : {};
      return Object.keys(node.old.properties)
        .filter((name) => !(name in now))
        .map((name) =>
          makeChange(
            'response-property-removed',
            site.old,
            `${node.pointer}/properties/${pointerToken(name)}`,
            'breaking',
            `${site.label}: property ${childPath(node.path, name)} removed`,
          ),
        );
    }),
);
