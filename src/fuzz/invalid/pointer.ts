/** Editing a copy of a JSON value at a path, and naming that path as a JSON pointer (RFC 6901). */
import { escapePointer } from '../schema/objects.js';

/** A path into a JSON value: property names and array indexes. */
export type Segments = readonly (string | number)[];

/** The JSON pointer of a path (`''` is the root), the same form as Ajv's `instancePath`. */
export function toPointer(segments: Segments): string {
  return segments.map((s) => `/${escapePointer(String(s))}`).join('');
}

/** A dotted, readable form of a path for descriptions (`asset.format.fragment`, `iterable[0]`). */
export function toDotted(segments: Segments): string {
  if (segments.length === 0) return '(root)';
  return segments.reduce<string>(
    (acc, s) => (typeof s === 'number' ? `${acc}[${s}]` : acc === '' ? s : `${acc}.${s}`),
    '',
  );
}

/** How a mutation edits the node at its path. */
export type Edit = { op: 'set'; value: unknown } | { op: 'delete' } | { op: 'deleteKeys'; keys: readonly string[] };

/** A deep copy of `root` with `edit` applied at `segments` (the original is never touched). */
export function applyEdit(root: unknown, segments: Segments, edit: Edit): unknown {
  if (segments.length === 0) {
    if (edit.op === 'set') return structuredClone(edit.value);
    if (edit.op === 'deleteKeys') {
      const copy = structuredClone(root) as Record<string, unknown>;
      for (const k of edit.keys) delete copy[k];
      return copy;
    }
    throw new Error('applyEdit: cannot delete the root');
  }
  const copy = structuredClone(root);
  let parent: any = copy;
  for (const s of segments.slice(0, -1)) parent = parent[s];
  const last = segments[segments.length - 1];
  if (edit.op === 'set') parent[last] = structuredClone(edit.value);
  else if (edit.op === 'delete') delete parent[last];
  else for (const k of edit.keys) delete parent[last][k];
  return copy;
}
