/** A check that a search for an asset's own distinctive text finds that asset. */
import { defineCheck } from '../define.js';
import { waited } from '../facts.js';

/** The query, the asset it should find, and the ids the search answered (in order). */
export interface SearchFindsCreatedFacts {
  operation: string;
  query: string;
  id: string;
  found: string[];
  /** How long the test polled for it (the consistency budget), when it did. */
  waitedMs?: number;
}

export default defineCheck({
  name: 'search_finds_created',
  title: 'Search misses a saved asset',
  kind: 'scenario',
  severity: 'high',
  basis: 'assumed',
  why: "Upstream documents /assets/search but neither what it matches nor when a new asset becomes searchable (real Pieces OS indexes in the background); finding an asset by its own distinctive text right after its creation is this project's reading.",
  evidence: ['spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/paths/~1assets~1search/post'],
  description:
    'A check that searching for a just-created asset by its distinctive content (or name) answers that asset.',
  run: (f: SearchFindsCreatedFacts, _ctx, fail) =>
    f.found.includes(f.id)
      ? []
      : [
          fail(
            f.operation,
            `query ${JSON.stringify(f.query)} did not find ${f.id}${waited(f.waitedMs)} (${f.found.length} results${f.found.length ? `: ${f.found.slice(0, 3).join(', ')}` : ''})`,
          ),
        ],
});
