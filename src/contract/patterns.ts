/**
 * Patterns a contract writes that Ajv cannot compile: upstream documents write regular expressions
 * that only compile without the `u` flag (`\-` outside a character class, an identity escape Unicode
 * mode refuses); Ajv compiles patterns with `u`. Such escapes are dropped (same language); a pattern
 * that still does not compile is removed, and listed.
 */
import { pointerToken } from '../core/pointer.js';

type Json = unknown;

/** True when the pattern compiles in Unicode mode (as Ajv compiles it). */
function compilesUnicode(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes identity escapes of characters that need no escape (`\-`, `\_`, `\'`, ...) outside character
 * classes, which Unicode mode refuses; inside a class they are kept (`[\-]` is valid there).
 */
export function unicodeSafePattern(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\' && i + 1 < pattern.length) {
      const next = pattern[i + 1];
      const needless = !inClass && !/[A-Za-z0-9^$\\.*+?()[\]{}|/]/.test(next);
      out += needless ? next : ch + next;
      i++;
      continue;
    }
    if (ch === '[' && !inClass) inClass = true;
    else if (ch === ']' && inClass) inClass = false;
    out += ch;
  }
  return out;
}

/** Rewrites (in place) every `pattern` keyword that does not compile in Unicode mode; answers what changed. */
export function fixPatterns(doc: Json): string[] {
  const fixes: string[] = [];
  const seen = new Set<object>();
  const walk = (node: unknown, pointer: string): void => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach((v, i) => walk(v, `${pointer}/${i}`));
      return;
    }
    const obj = node as Record<string, unknown>;
    for (const [k, v] of Object.entries(obj)) {
      const here = `${pointer}/${pointerToken(k)}`;
      if (k === 'pattern' && typeof v === 'string' && !compilesUnicode(v)) {
        const fixed = unicodeSafePattern(v);
        if (compilesUnicode(fixed)) {
          obj[k] = fixed;
          fixes.push(`${here}: ${v} -> ${fixed}`);
        } else {
          delete obj[k];
          fixes.push(`${here}: ${v} removed (does not compile in Unicode mode)`);
        }
      } else {
        walk(v, here);
      }
    }
  };
  walk(doc, '#');
  return fixes;
}
