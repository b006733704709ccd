import { matchOperations } from '../match.js';
import { pointerToken } from '../paths.js';
import { defineRule, makeChange } from '../rule.js';
import type { Change } from '../types.js';
import { isObj } from '../view.js';

/** A response status the old version declared is no longer declared. */
export const statusRemoved = defineRule(
  'status-removed',
  'A declared response status was removed: clients that handle it can no longer rely on it.',
  (o, n) => {
    const out: Change[] = [];
    for (const p of matchOperations(o, n).pairs) {
      const nr = isObj(p.new.op.responses) ? p.new.op.responses : {};
      for (const status of Object.keys(isObj(p.old.op.responses) ? p.old.op.responses : {})) {
        if (!(status in nr))
          out.push(
            makeChange(
              'status-removed',
              p.old,
              `/responses/${pointerToken(status)}`,
              'breaking',
              `response status ${status} removed`,
            ),
          );
      }
    }
    return out;
  },
);
