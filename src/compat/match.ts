import type { DocView, OperationView } from './view.js';

/** How the operations of two versions correspond. */
export interface OperationMatch {
  /** Same method + normalised path in both, or moved (same id, different method or path). */
  pairs: Array<{ old: OperationView; new: OperationView; moved: boolean }>;
  /** Only in the old version (and not moved). */
  removed: OperationView[];
  /** Only in the new version (and not the target of a move). */
  added: OperationView[];
}

const cache = new WeakMap<DocView, WeakMap<DocView, OperationMatch>>();

/**
 * Matches operations by method + normalised path; an old operation whose key is gone is paired with a new
 * one of the same id (seed id when known), which is a path or method change rather than a removal + addition.
 */
export function matchOperations(oldDoc: DocView, newDoc: DocView): OperationMatch {
  const hit = cache.get(oldDoc)?.get(newDoc);
  if (hit) return hit;
  const pairs: OperationMatch['pairs'] = [];
  const removed: OperationView[] = [];
  const unmatchedNew = new Map([...newDoc.operations].filter(([k]) => !oldDoc.operations.has(k)));
  for (const [key, o] of oldDoc.operations) {
    const n = newDoc.operations.get(key);
    if (n) {
      pairs.push({ old: o, new: n, moved: false });
      continue;
    }
    const movedTo = [...unmatchedNew.values()].find((c) => c.id === o.id);
    if (movedTo) {
      unmatchedNew.delete(movedTo.key);
      pairs.push({ old: o, new: movedTo, moved: true });
    } else removed.push(o);
  }
  const result = { pairs, removed, added: [...unmatchedNew.values()] };
  if (!cache.has(oldDoc)) cache.set(oldDoc, new WeakMap());
  cache.get(oldDoc)!.set(newDoc, result);
  return result;
}
