/** A check that two views of the same thing agree (a format names its asset; an asset lists its format). */
import { defineCheck } from '../define.js';
import { deepEqual, show } from '../diff.js';

/** A field `operation` answered for `id`, and the value another view of the same resource implies. */
export interface ReferenceFacts {
  operation: string;
  id: string;
  field: string;
  /** Where the expected value comes from, e.g. `getAsset`. */
  source: string;
  expected: unknown;
  actual: unknown;
}

export default defineCheck({
  name: 'references_consistent',
  title: 'Inconsistent reference',
  kind: 'scenario',
  severity: 'medium',
  basis: 'upstream',
  why: "Upstream's Format references its asset and an Asset lists its formats: two views of one resource.",
  evidence: [
    'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/components/schemas/Format',
    'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/components/schemas/Asset',
  ],
  description: 'A check that a resource read through two operations tells the same story (ids, links, content).',
  run: (f: ReferenceFacts, _ctx, fail) =>
    deepEqual(f.expected, f.actual)
      ? []
      : [
          fail(
            f.operation,
            `${f.field} of ${f.id}: ${show(f.actual)} / Expected: ${show(f.expected)} (from ${f.source})`,
          ),
        ],
});
