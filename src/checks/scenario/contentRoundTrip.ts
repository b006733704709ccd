/** A check that stored content reads back byte for byte (`original.reference.fragment.string.raw`). */
import { defineCheck } from '../define.js';
import { show } from '../diff.js';

/** The text the test sent and what `operation` answered at `field`. */
export interface ContentRoundTripFacts {
  operation: string;
  id: string;
  field: string;
  sent: string;
  received: unknown;
}

/** Index of the first differing UTF-16 code unit of two strings. */
function firstDiffIndex(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

export default defineCheck({
  name: 'content_round_trip',
  title: 'Content not preserved',
  kind: 'scenario',
  severity: 'high',
  basis: 'assumed',
  why: "Upstream stores a seed's text at original.reference.fragment.string.raw; that it reads back byte for byte (no trimming, re-encoding or truncation) is this project's reading.",
  evidence: [
    'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/components/schemas/TransferableString',
  ],
  description:
    'A check that the content an asset was created with is answered exactly (no trimming, re-encoding or truncation).',
  run: (f: ContentRoundTripFacts, _ctx, fail) => {
    if (f.received === f.sent) return [];
    if (typeof f.received !== 'string') {
      return [fail(f.operation, `${f.field} of ${f.id}: sent ${f.sent.length} chars / received ${show(f.received)}`)];
    }
    const i = firstDiffIndex(f.sent, f.received);
    return [
      fail(
        f.operation,
        `${f.field} of ${f.id}: sent ${f.sent.length} chars / received ${f.received.length} chars; first difference at ${i}: ${show(f.sent.slice(i, i + 12))} vs ${show(f.received.slice(i, i + 12))}`,
      ),
    ];
  },
});
