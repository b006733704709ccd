/** The first difference between two JSON-like values, as one line for a failure's facts. */

/** `a.b[2]` style path of a key under a parent path. */
function child(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

/** A short JSON rendering of a value for a message. */
export function show(value: unknown, max = 60): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The first path where `a` and `b` differ with both values (`items[1].name: "x" → "y"`), or undefined when equal. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (Object.is(a, b)) return undefined;
  const where = path || '(root)';
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    return `${where}: ${show(a)} → ${show(b)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${where}: ${show(a)} → ${show(b)}`;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length) return `${child(path, i)}: added ${show(b[i])}`;
      if (i >= b.length) return `${child(path, i)}: removed ${show(a[i])}`;
      const d = firstDifference(a[i], b[i], child(path, i));
      if (d) return d;
    }
    return undefined;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const key of [...new Set([...Object.keys(ao), ...Object.keys(bo)])].sort()) {
    if (!(key in bo)) return `${child(path, key)}: removed ${show(ao[key])}`;
    if (!(key in ao)) return `${child(path, key)}: added ${show(bo[key])}`;
    const d = firstDifference(ao[key], bo[key], child(path, key));
    if (d) return d;
  }
  return undefined;
}

/** Deep equality of JSON-like values. */
export function deepEqual(a: unknown, b: unknown): boolean {
  return firstDifference(a, b) === undefined;
}
