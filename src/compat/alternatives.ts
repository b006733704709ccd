/**
 * The `anyOf` / `oneOf` alternatives of one schema node compared between two versions. Branches are
 * paired by identity: a `$ref` by the component it names, an inline branch by its canonical JSON
 * (so `{required: [raw]}` is the same branch in both). What changed inside a paired branch is not
 * walked: only branches added, removed, or the keyword switched.
 */
import type { Json } from './types.js';
import { isObj } from './view.js';

type Keyword = 'anyOf' | 'oneOf';

/** The alternatives of a node: the keyword and the branches by key (with a readable label). */
interface Alternatives {
  keyword: Keyword;
  branches: Map<string, string>;
}

/** JSON with sorted keys, so that equal branches give equal text. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObj(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/** A branch's identity and label: `$ref Name`, else its canonical JSON (shortened for the label). */
function branch(b: unknown): [key: string, label: string] {
  if (isObj(b) && typeof b.$ref === 'string') return [`$ref:${b.$ref}`, b.$ref.slice(b.$ref.lastIndexOf('/') + 1)];
  const text = canonical(b);
  return [text, text.length > 60 ? `${text.slice(0, 57)}...` : text];
}

function alternativesOf(s: Json): Alternatives | undefined {
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const list = s[keyword];
    if (Array.isArray(list) && list.length > 0) return { keyword, branches: new Map(list.map(branch)) };
  }
  return undefined;
}

/** The branches of `x` that `y` lacks, one message each: `<keyword> alternative <label> <what>`. */
function branchesNotIn(x: Alternatives, y: Alternatives, what: 'removed' | 'added'): string[] {
  return [...x.branches]
    .filter(([k]) => !y.branches.has(k))
    .map(([, label]) => `${x.keyword} alternative ${label} ${what}`);
}

/** How `to` accepts fewer values than `from` through its alternatives (one message each). */
export function alternativesNarrowed(from: Json, to: Json): string[] {
  const [a, b] = [alternativesOf(from), alternativesOf(to)];
  if (!b) return [];
  if (!a)
    return [
      `must now match ${b.keyword === 'oneOf' ? 'exactly one' : 'one'} of ${b.branches.size} ${b.keyword} alternatives`,
    ];
  const out = branchesNotIn(a, b, 'removed');
  if (a.keyword === 'anyOf' && b.keyword === 'oneOf')
    out.push('anyOf became oneOf: a value that matches two alternatives is now refused');
  return out;
}

/** How `to` admits more values than `from` through its alternatives (one message each). */
export function alternativesWidened(from: Json, to: Json): string[] {
  const [a, b] = [alternativesOf(from), alternativesOf(to)];
  if (!a) return [];
  if (!b) return [`no longer restricted to ${a.keyword} alternatives`];
  const out = branchesNotIn(b, a, 'added');
  if (a.keyword === 'oneOf' && b.keyword === 'anyOf')
    out.push('oneOf became anyOf: a value may now match several alternatives');
  return out;
}
