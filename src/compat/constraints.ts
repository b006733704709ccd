/**
 * Value constraints of one schema node (bounds, pattern, multipleOf, uniqueItems, closed objects,
 * format) compared between two versions. `tightenings(a, b)` lists the ways `b` accepts fewer values
 * than `a`; read the other way round, `tightenings(new, old)` is how `new` loosened `old`.
 */
import type { Json } from './types.js';

/** One constraint that accepts fewer values in `to` than in `from`. */
export interface Tightening {
  /** The schema keyword, e.g. `maxLength`. */
  keyword: string;
  /** What changed, e.g. `maxLength 100 -> 50`, `pattern added ^[a-z]+$`. */
  change: string;
  /** A format added: an annotation to some validators, so reported as a warning, not breaking. */
  soft?: boolean;
}

const UPPER = ['maxLength', 'maxItems', 'maxProperties', 'maximum'] as const;
const LOWER = ['minLength', 'minItems', 'minProperties', 'minimum'] as const;
/** The lower bound every value already meets when the keyword is absent (lengths and counts). */
const FLOOR: Record<string, number> = { minLength: 0, minItems: 0, minProperties: 0 };

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** How `to` restricts values further than `from`, keyword by keyword. */
export function tightenings(from: Json, to: Json): Tightening[] {
  const out: Tightening[] = [];
  for (const k of UPPER) {
    const [a, b] = [num(from[k]), num(to[k])];
    if (b !== undefined && (a === undefined || b < a))
      out.push({ keyword: k, change: a === undefined ? `${k} added: ${b}` : `${k} ${a} -> ${b}` });
  }
  for (const k of LOWER) {
    const [a, b] = [num(from[k]) ?? FLOOR[k], num(to[k])];
    if (b !== undefined && (a === undefined || b > a))
      out.push({ keyword: k, change: num(from[k]) === undefined ? `${k} added: ${b}` : `${k} ${a} -> ${b}` });
  }
  for (const [flag, bound] of [
    ['exclusiveMaximum', 'maximum'],
    ['exclusiveMinimum', 'minimum'],
  ] as const) {
    if (
      to[flag] === true &&
      from[flag] !== true &&
      num(to[bound]) !== undefined &&
      num(to[bound]) === num(from[bound])
    ) {
      out.push({ keyword: flag, change: `${bound} ${show(to[bound])} became exclusive` });
    }
  }
  const [ma, mb] = [num(from.multipleOf), num(to.multipleOf)];
  if (mb !== undefined && mb > 0 && (ma === undefined || ma % mb !== 0)) {
    out.push({
      keyword: 'multipleOf',
      change: ma === undefined ? `multipleOf added: ${mb}` : `multipleOf ${ma} -> ${mb}`,
    });
  }
  if (typeof to.pattern === 'string' && to.pattern !== from.pattern) {
    out.push({
      keyword: 'pattern',
      change:
        typeof from.pattern === 'string' ? `pattern ${from.pattern} -> ${to.pattern}` : `pattern added: ${to.pattern}`,
    });
  }
  if (to.uniqueItems === true && from.uniqueItems !== true)
    out.push({ keyword: 'uniqueItems', change: 'items must now be unique' });
  if (to.additionalProperties === false && from.additionalProperties !== false) {
    out.push({ keyword: 'additionalProperties', change: 'no longer allows additional properties' });
  }
  // A changed format is the type-changed rules' finding; only a format where there was none is new here.
  if (typeof to.format === 'string' && typeof from.format !== 'string') {
    out.push({ keyword: 'format', change: `format added: ${to.format}`, soft: true });
  }
  return out;
}

/** The same change read in reverse, for loosenings: `maxLength 50 -> 100`, `pattern removed`. */
export function describeLoosening(t: Tightening, from: Json, to: Json): string {
  // `t` came from tightenings(to, from): its `change` names to -> from. Say it as from -> to.
  const k = t.keyword;
  const [a, b] = [from[k], to[k]];
  if (k === 'exclusiveMaximum' || k === 'exclusiveMinimum')
    return `${k === 'exclusiveMaximum' ? 'maximum' : 'minimum'} no longer exclusive`;
  if (k === 'uniqueItems') return 'items need no longer be unique';
  if (k === 'additionalProperties') return 'now allows additional properties';
  if (b === undefined) return `${k} removed (was ${show(a)})`;
  return `${k} ${show(a)} -> ${show(b)}`;
}
