/** A check that search answers what the store holds now: a deleted asset is gone, a renamed one found by its new name only. */
import { defineCheck } from '../define.js';

/**
 * One search made after a write, within a bounded wait: `expect` says whether `id` should be among
 * the results (`found`). For a renamed asset's old name, `found` holds the exact matches only (a
 * fuzzy suggestion of it is fine); after a delete, every result counts.
 */
export interface SearchReflectsWritesFacts {
  operation: string;
  id: string;
  /** The write the search should reflect: `deleteAsset`, `updateAsset (renamed)`. */
  after: string;
  query: string;
  expect: 'found' | 'absent';
  found: string[];
  /** How long the test waited for the answer it expected (absent: one read, no wait allowed). */
  waitedMs?: number;
}

export default defineCheck({
  name: 'search_reflects_writes',
  title: 'Search answers stale results',
  kind: 'scenario',
  severity: 'high',
  basis: 'assumed',
  why: 'Upstream documents /assets/search but not when a write reaches its index; that a deleted asset leaves the answers and a renamed one is found by its new name, not its old one, within the bounded consistency wait is this project’s reading.',
  evidence: ['spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/paths/~1assets~1search/post'],
  description:
    'A check that, within a bounded wait, search no longer answers a deleted asset, and finds a renamed asset by its new name and not by its old one.',
  run: (f: SearchReflectsWritesFacts, _ctx, fail) => {
    const listed = f.found.includes(f.id);
    if (listed === (f.expect === 'found')) return [];
    const what = f.expect === 'found' ? 'did not find' : 'still found';
    return [
      fail(
        f.operation,
        `query ${JSON.stringify(f.query)} ${what} ${f.id} after ${f.after}${f.waitedMs === undefined ? '' : ` (waited ${f.waitedMs} ms)`}`,
      ),
    ];
  },
});
