import { pointerToken } from '../paths.js';
import { defineRule, makeChange } from '../rule.js';
import type { Change } from '../types.js';
import { mediaSites } from '../media.js';

/** A media type of a request or response body is gone (or replaced by another): clients send or parse the old one. */
export const mediaTypeRemoved = defineRule(
  'media-type-removed',
  'A body media type was removed or changed: clients send or parse the old one.',
  (o, n) => {
    const out: Change[] = [];
    for (const s of mediaSites(o, n)) {
      const gone = s.old.filter((t) => !s.new.includes(t));
      for (const t of gone) {
        const what = s.new.length ? `changed: ${t} -> ${s.new.join(', ')}` : `removed: ${t} (no content declared)`;
        out.push(
          makeChange(
            'media-type-removed',
            s.op,
            `${s.base}/content/${pointerToken(t)}`,
            'breaking',
            `${s.label} media type ${what}`,
          ),
        );
      }
    }
    return out;
  },
);
