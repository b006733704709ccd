import { pointerToken } from '../paths.js';
import { defineRule, makeChange } from '../rule.js';
import { isObj } from '../view.js';
import { childPath, collectNodes } from '../walk.js';

/** A request property is no longer declared: clients still send it, and a strict server drops or rejects it. */
export const requestPropertyRemoved = defineRule(
  'request-property-removed',
  'A request property was removed: clients still send it; the server ignores or rejects it.',
  (o, n) =>
    collectNodes(o, n, 'request', (node, site) => {
      if (!isObj(node.old.properties)) return [];
      const now = isObj(node.new.properties) ? node.new.properties : {};
      const closed = node.new.additionalProperties === false;
      return Object.keys(node.old.properties)
        .filter((name) => !(name in now))
        .map((name) =>
          makeChange(
            'request-property-removed',
            site.old,
            `${node.pointer}/properties/${pointerToken(name)}`,
            closed ? 'breaking' : 'warning',
            `${site.label}: property ${childPath(node.path, name)} removed${closed ? ' (additional properties rejected)' : ''}`,
          ),
        );
    }),
);
