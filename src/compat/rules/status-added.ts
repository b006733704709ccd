import { matchOperations } from '../match.js';
import { pointerToken } from '../paths.js';
import { defineRule, makeChange } from '../rule.js';
import type { Change } from '../types.js';
import { isObj } from '../view.js';

/** The new version declares a response status the old one did not: strict clients may not handle it. */
export const statusAdded = defineRule(
  'status-added',
  'A response status was added: strict clients that reject undeclared statuses may fail.',
  (o, n) => {
    const out: Change[] = [];
    for (const p of matchOperations(o, n).pairs) {
      const or = isObj(p.old.op.responses) ? p.old.op.responses : {};
      for (const status of Object.keys(isObj(p.new.op.responses) ? p.new.op.responses : {})) {
        if (!(status in or))
          out.push(
            makeChange(
              'status-added',
              p.old,
              `/responses/${pointerToken(status)}`,
              'warning',
              `response status ${status} added`,
            ),
          );
      }
    }
    return out;
  },
);
