import { matchOperations } from './match.js';
import { pointerToken } from './paths.js';
import type { Json } from './types.js';
import { paramKey, type DocView, type OperationView } from './view.js';

/** One parameter of a matched operation, in either or both versions. */
export interface ParamPair {
  /** The operation in the old version. */
  op: OperationView;
  /** Parameter in the old version, if any. */
  old?: Json;
  /** Parameter in the new version, if any. */
  new?: Json;
  /** Location inside the operation, `/parameters/<in>/<name>` (new name when both exist). */
  location: string;
  /** Readable name, e.g. `query parameter transferables`. */
  label: string;
}

/** True when the parameter must be sent (path parameters always are). */
export function isRequiredParam(p: Json): boolean {
  return p.required === true || p.in === 'path';
}

/** Pairs the parameters of every matched operation by location + name (path parameters by position). */
export function paramPairs(o: DocView, n: DocView): ParamPair[] {
  const out: ParamPair[] = [];
  for (const pair of matchOperations(o, n).pairs) {
    const olds = new Map(pair.old.params.map((p) => [paramKey(p, pair.old.path), p]));
    const news = new Map(pair.new.params.map((p) => [paramKey(p, pair.new.path), p]));
    for (const k of new Set([...olds.keys(), ...news.keys()])) {
      const p = (news.get(k) ?? olds.get(k))!;
      out.push({
        op: pair.old,
        old: olds.get(k),
        new: news.get(k),
        location: `/parameters/${pointerToken(String(p.in))}/${pointerToken(String(p.name))}`,
        label: `${String(p.in)} parameter ${String(p.name)}`,
      });
    }
  }
  return out;
}
