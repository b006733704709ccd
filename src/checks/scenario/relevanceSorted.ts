/** A check that relevance answers scores most-relevant-first and ranks the expected asset near the top. */
import { defineCheck } from '../define.js';
import { waited } from '../facts.js';

/** The ranked ids and scores a relevance call answered, and what should rank high. */
export interface RelevanceFacts {
  operation: string;
  query: string;
  /** Result ids (asset ids, or seed/path ids) in answered order. */
  ids: string[];
  scores: number[];
  /** An id that must be among the first `within` results. */
  expected?: string;
  within?: number;
  /** How long the test polled for `expected` to be indexed (the consistency budget), when it did. */
  waitedMs?: number;
}

export default defineCheck({
  name: 'relevance_sorted',
  title: 'Relevance not ranked',
  kind: 'scenario',
  severity: 'medium',
  basis: 'assumed',
  why: 'Upstream\'s RelevantQGPTSeed carries no order promise; most-relevant-first and the matching asset ranking near the top are this project\'s reading of "relevance".',
  evidence: ['spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/components/schemas/RelevantQGPTSeed'],
  description:
    'A check that relevance scores are sorted descending and the asset matching the query ranks among the first results.',
  run: (f: RelevanceFacts, _ctx, fail) => {
    const out = [];
    const i = f.scores.findIndex((s, k) => k > 0 && s > f.scores[k - 1]);
    if (i > 0)
      out.push(
        fail(
          f.operation,
          `scores not descending at ${i}: ${f.scores[i - 1]} then ${f.scores[i]} (${f.scores.slice(0, 6).join(', ')})`,
        ),
      );
    if (f.expected !== undefined) {
      const within = f.within ?? 1;
      const rank = f.ids.indexOf(f.expected);
      if (rank < 0 || rank >= within) {
        out.push(
          fail(
            f.operation,
            `query ${JSON.stringify(f.query)}: ${f.expected} ${rank < 0 ? 'not ranked at all' : `ranked ${rank + 1}`}${waited(f.waitedMs)} / Expected: within the first ${within} of ${f.ids.length}`,
          ),
        );
      }
    }
    return out;
  },
});
