/**
 * A check that a listing agrees with itself: each id once in `iterable`, `indices` (when given)
 * mapping exactly those ids to their positions, and a search's `exact`/`suggested` counts adding
 * up to its results. Every list in a 2xx JSON answer is judged, nested ones included.
 */
import { defineCheck } from '../define.js';
import { all, hasOperation, hasResponse } from '../preconditions.js';
import type { Exchange } from '../../core/types.js';

/** How deep lists are looked for (a snapshot's assets' formats are at depth 3). */
const MAX_DEPTH = 4;
/** At most this many findings per answer (a broken listing would otherwise repeat one fact per item). */
const MAX_FINDINGS = 5;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The id of a list item: `id`, or `identifier` (a search result). */
function idOf(item: unknown): string | undefined {
  if (!isObject(item)) return undefined;
  const id = item.id ?? item.identifier;
  return typeof id === 'string' ? id : undefined;
}

/** What is wrong with one list object (`{iterable, indices?, exact?, suggested?}`) at `where`. */
export function listFindings(list: Json, where: string): string[] {
  const items = list.iterable as unknown[];
  const out: string[] = [];
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const id = idOf(item);
    if (id === undefined) return;
    const seen = first.get(id);
    if (seen === undefined) first.set(id, i);
    else out.push(`${where}iterable lists ${id} twice (at ${seen} and ${i})`);
  });
  if (isObject(list.indices)) {
    for (const [id, at] of Object.entries(list.indices)) {
      const pos = first.get(id);
      if (pos === undefined) out.push(`${where}indices names ${id}, which iterable does not hold`);
      else if (at !== pos) out.push(`${where}indices[${id}] is ${String(at)} but iterable holds it at ${pos}`);
    }
    for (const id of first.keys()) {
      if (!(id in list.indices)) out.push(`${where}iterable holds ${id}, which indices does not name`);
    }
  }
  if (typeof list.exact === 'number' && typeof list.suggested === 'number') {
    if (list.exact + list.suggested !== items.length) {
      out.push(
        `${where}exact ${list.exact} + suggested ${list.suggested} = ${list.exact + list.suggested} but iterable holds ${items.length} results`,
      );
    }
    const marked = items.filter((r) => isObject(r) && r.exact === true).length;
    if (items.every((r) => isObject(r) && typeof r.exact === 'boolean') && marked !== list.exact) {
      out.push(`${where}exact is ${list.exact} but ${marked} results are marked exact`);
    }
  }
  return out;
}

/** Every list object in a JSON value, with its path (`results.`, `iterable[2].formats.`). */
function* lists(value: unknown, path = '', depth = 0): Generator<[Json, string]> {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* lists(value[i], `${path.replace(/\.$/, '')}[${i}].`, depth + 1);
    return;
  }
  if (Array.isArray((value as Json).iterable)) yield [value as Json, path];
  for (const [key, child] of Object.entries(value)) {
    if (typeof child === 'object' && child !== null) yield* lists(child, `${path}${key}.`, depth + 1);
  }
}

/** A 2xx answer whose text holds a list (the precondition: cheap, no parse). */
const answersAList = (ex: Exchange) => {
  const r = ex.response;
  return !!r && r.status >= 200 && r.status < 300 && r.body.includes('"iterable"');
};

/** The parsed JSON of an answer, else undefined. */
function listingBody(ex: Exchange): unknown {
  const r = ex.response!;
  try {
    return JSON.parse(r.body);
  } catch {
    return undefined; // not JSON: content_type_conformance and the schema check say so
  }
}

export default defineCheck({
  name: 'listing_consistent',
  title: 'Listing contradicts itself',
  kind: 'exchange',
  severity: 'high',
  basis: 'assumed',
  why: 'Upstream types every list as {iterable, indices: id → integer} and a search answer’s exact and suggested as counts, but states no invariant: each id once, indices as positions in iterable and counts that add up are this project’s reading (a list that contradicts itself shows a user duplicates or hides items).',
  evidence: [
    'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/components/schemas/Assets',
    'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/components/schemas/SearchedAssets',
  ],
  description:
    'A check that every list in an answer names each id once, that its indices map exactly those ids to their positions, and that a search’s exact and suggested counts add up to its results.',
  applies: all(hasResponse, hasOperation, answersAList),
  run: (ex: Exchange, ctx, fail) => {
    const body = listingBody(ex);
    if (body === undefined) return [];
    const found: string[] = [];
    for (const [list, where] of lists(body)) {
      found.push(...listFindings(list, where));
      if (found.length >= MAX_FINDINGS) break;
    }
    return found.slice(0, MAX_FINDINGS).map((facts) => fail(ctx.operation!.operationId, facts, ex.id));
  },
});
