import { pointerToken } from '../paths.js';
import { defineRule, makeChange } from '../rule.js';
import type { Change } from '../types.js';
import { mediaSites } from '../media.js';

/** A body gains a media type while keeping the old ones (or gains content where none was declared). */
export const mediaTypeAdded = defineRule(
  'media-type-added',
  'A body media type was added next to the old ones: old clients keep working.',
  (o, n) => {
    const out: Change[] = [];
    for (const s of mediaSites(o, n)) {
      if (s.old.some((t) => !s.new.includes(t))) continue; // reported as a change by media-type-removed
      for (const t of s.new.filter((x) => !s.old.includes(x))) {
        out.push(
          makeChange(
            'media-type-added',
            s.op,
            `${s.base}/content/${pointerToken(t)}`,
            'non-breaking',
            `${s.label} media type added: ${t}`,
          ),
        );
      }
    }
    return out;
  },
);
