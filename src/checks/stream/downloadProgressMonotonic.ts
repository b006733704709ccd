/** download_progress_monotonic: a download's percentage never decreases. */
import type { ContractFailure } from '../../core/errors.js';
import { defineCheck } from '../define.js';
import type { ProgressSubject } from '../../stream/types.js';
import { atMs } from '../../stream/frames.js';
import { failOn, isProgress } from './util.js';

/** Walks the percentages in arrival order; any step down is a failure. */
export const downloadProgressMonotonic = defineCheck({
  name: 'download_progress_monotonic',
  title: 'Download progress goes backwards',
  kind: 'stream',
  severity: 'medium',
  basis: 'assumed',
  why: "Upstream's ModelDownloadProgress has a percentage but no promise that it never decreases.",
  evidence: [
    'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/components/schemas/ModelDownloadProgress',
  ],
  description: 'The percentage pushed on /model/{model}/download/progress never decreases.',
  applies: (s: ProgressSubject) => isProgress(s),
  run(s: ProgressSubject, _ctx, fail) {
    const origin = { sentAt: s.watch.openedAt };
    let last: { pct: number; index: number } | undefined;
    const out: ContractFailure[] = [];
    s.watch.frames.forEach((frame, i) => {
      const pct = (frame.value as any)?.percentage;
      if (typeof pct !== 'number') return;
      if (last && pct < last.pct) {
        out.push(
          failOn(
            fail,
            s,
            `percentage fell from ${last.pct} (frame ${last.index + 1}) to ${pct} (frame ${i + 1} at +${atMs(origin, frame)} ms)`,
          ),
        );
      }
      last = { pct, index: i };
    });
    return out;
  },
});

export default downloadProgressMonotonic;
