/**
 * Body shapes: a JSON value reduced to its type skeleton, as a flat map from path to the JSON
 * types seen there (`formats.iterable[].id` → string). Values are gone, so ids, timestamps, free
 * text and model text never differ; array items are merged under `[]`, so lengths never differ;
 * object keys that are ids (UUIDs, used as map keys) become `{id}`. Two shapes are compared path
 * by path: a path only one side has, or different types at a path, is a difference.
 */

/** A JSON type, or `text` for a body that is not JSON, `empty` for no body. */
export type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array' | 'text' | 'empty';

/** Path → the types seen there (sorted, joined with `|`). Arrays that were always empty are marked `array(empty)`. */
export type Shape = Record<string, string>;

const ID_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function typeOf(v: unknown): JsonType {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  return t === 'string' || t === 'number' || t === 'boolean' ? t : 'object';
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** The shape of a parsed JSON value. */
export function shapeOf(value: unknown): Shape {
  const seen = new Map<string, Set<string>>();
  const nonEmpty = new Set<string>();
  const add = (path: string, t: string) => {
    let s = seen.get(path);
    if (!s) seen.set(path, (s = new Set()));
    s.add(t);
  };
  const walk = (v: unknown, path: string) => {
    const t = typeOf(v);
    add(path, t);
    if (t === 'array') {
      const items = v as unknown[];
      if (items.length) nonEmpty.add(path);
      for (const item of items) walk(item, `${path}[]`);
    } else if (t === 'object') {
      for (const [k, child] of Object.entries(v as Record<string, unknown>))
        walk(child, join(path, ID_KEY.test(k) ? '{id}' : k));
    }
  };
  walk(value, '');
  const out: Shape = {};
  for (const [path, types] of [...seen].sort(([a], [b]) => a.localeCompare(b))) {
    const list = [...types].sort().map((t) => (t === 'array' && !nonEmpty.has(path) ? 'array(empty)' : t));
    out[path || '(body)'] = list.join('|');
  }
  return out;
}

/** The shape of a response body given its media type: JSON by shape, anything else as `text` (or `empty`). */
export function bodyShape(body: string, mediaType: string | undefined): Shape {
  if (body.length === 0) return { '(body)': 'empty' };
  if (mediaType && /json/i.test(mediaType)) {
    try {
      return shapeOf(JSON.parse(body));
    } catch {
      return { '(body)': 'text (invalid JSON)' };
    }
  }
  return { '(body)': 'text' };
}

/** One difference between two shapes. */
export interface ShapeDifference {
  path: string;
  /** What the first (reference) side has at the path; undefined: the path is absent. */
  reference?: string;
  /** What the second (target) side has. */
  target?: string;
}

/** Whether a path lies under an array that one side only ever saw empty (its items cannot be compared). */
function underEmpty(path: string, shape: Shape): boolean {
  let at = path.indexOf('[]');
  while (at >= 0) {
    const arr = path.slice(0, at) || '(body)';
    if (shape[arr]?.includes('array(empty)')) return true;
    at = path.indexOf('[]', at + 2);
  }
  return false;
}

/** Joins type lists: `string` + `null` → `null|string`; an array seen non-empty anywhere is `array`. */
function unionTypes(a: string, b: string): string {
  const set = new Set([...a.split('|'), ...b.split('|')]);
  if (set.has('array') && set.has('array(empty)')) set.delete('array(empty)');
  return [...set].sort().join('|');
}

/** Merges shapes (e.g. of every frame of a stream) into one. */
export function mergeShapes(...shapes: Shape[]): Shape {
  const out: Shape = {};
  for (const s of shapes)
    for (const [path, types] of Object.entries(s))
      out[path] = out[path] === undefined ? types : unionTypes(out[path], types);
  return Object.fromEntries(Object.entries(out).sort(([x], [y]) => x.localeCompare(y)));
}

/** Types at one path agree when equal, or when one side's array was empty and the other's was not. */
function sameTypes(a: string, b: string): boolean {
  if (a === b) return true;
  const norm = (s: string) =>
    [...new Set(s.split('|').map((t) => (t === 'array(empty)' ? 'array' : t)))].sort().join('|');
  return norm(a) === norm(b);
}

/** Every path where the two shapes differ, in path order. */
export function compareShapes(reference: Shape, target: Shape): ShapeDifference[] {
  const out: ShapeDifference[] = [];
  for (const path of [...new Set([...Object.keys(reference), ...Object.keys(target)])].sort()) {
    const a = reference[path];
    const b = target[path];
    if (a !== undefined && b !== undefined) {
      if (!sameTypes(a, b)) out.push({ path, reference: a, target: b });
      continue;
    }
    // Items of an array the other side only saw empty: no evidence either way.
    if (a === undefined && underEmpty(path, reference)) continue;
    if (b === undefined && underEmpty(path, target)) continue;
    out.push({ path, reference: a, target: b });
  }
  return collapseSubtrees(out);
}

/**
 * A key missing on one side is one difference, not one per descendant: differences whose path
 * lies under another missing path of the same side are dropped.
 */
function collapseSubtrees(list: ShapeDifference[]): ShapeDifference[] {
  const missingRef = list.filter((d) => d.reference === undefined).map((d) => d.path);
  const missingTgt = list.filter((d) => d.target === undefined).map((d) => d.path);
  const under = (p: string, roots: string[]) =>
    roots.some((r) => r !== p && (p.startsWith(`${r}.`) || p.startsWith(`${r}[]`)));
  return list.filter(
    (d) =>
      !(d.reference === undefined && under(d.path, missingRef)) &&
      !(d.target === undefined && under(d.path, missingTgt)),
  );
}
