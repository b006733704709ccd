import { pointerToken } from '../paths.js';
import { defineRule, makeChange } from '../rule.js';
import { isObj } from '../view.js';
import { childPath, collectNodes, requiredOf } from '../walk.js';

/** A response property that was always present may now be absent: clients relied on it. */
export const responsePropertyNoLongerRequired = defineRule(
  'response-property-no-longer-required',
  'A response property is no longer required: clients relied on it being present.',
  (o, n) =>
    collectNodes(o, n, 'response', (node, site) => {
      const now = requiredOf(node.new);
      const props = isObj(node.new.properties) ? node.new.properties : {};
      // A property that is gone altogether is reported by response-property-removed.
      return [...requiredOf(node.old)]
        .filter((name) => !now.has(name) && name in props)
        .map((name) =>
          makeChange(
            'response-property-no-longer-required',
            site.old,
            `${node.pointer}/properties/${pointerToken(name)}`,
            'breaking',
            `${site.label}: property ${childPath(node.path, name)} is no longer required`,
          ),
        );
    }),
);
