import { pointerToken } from './paths.js';
import type { Change, Json } from './types.js';
import { isObj, viewOf } from './view.js';

/** Known-difference notes by `<operation key> <response pointer>`, e.g. `POST /assets/search /responses/200`. */
export type KnownNotes = Map<string, string>;

/** Collects the `x-pieces-upstream` notes a document puts on its responses (whitespace folded to one line). */
export function collectNotes(doc: Json, into: KnownNotes = new Map()): KnownNotes {
  const view = viewOf(doc);
  for (const op of view.operations.values()) {
    const responses = isObj(op.op.responses) ? op.op.responses : {};
    for (const [status, raw] of Object.entries(responses)) {
      const r = view.resolve(raw);
      const note = isObj(r) ? r['x-pieces-upstream'] : undefined;
      const text = isObj(note) ? note.note : note;
      if (typeof text !== 'string') continue;
      const key = `${op.key} /responses/${pointerToken(status)}`;
      if (!into.has(key)) into.set(key, text.replace(/\s+/g, ' ').trim());
    }
  }
  return into;
}

// The envelope notes explain the body root and its top-level properties, not differences deeper inside.
const TOP_LEVEL = /^(\/responses\/[^/]+)(?:\/content\/[^/]+(?:\/schema(?:\/properties\/[^/]+)?(?:\/[a-z]+)?)?)?$/i;

/** Attaches the matching note (same operation, noted response, body root or top-level property) to each change as `known`. */
export function attachNotes(changes: Change[], notes: KnownNotes): Change[] {
  if (notes.size === 0) return changes;
  return changes.map((c) => {
    const base = TOP_LEVEL.exec(c.location)?.[1];
    const note = base ? notes.get(`${c.key} ${base}`) : undefined;
    return note ? { ...c, known: note } : c;
  });
}
