/**
 * stream_timing_budget: an answer's time to first chunk, largest gap between frames and total
 * time stay within the budgets set by PIECES_STREAM_TTFC_MS, PIECES_STREAM_GAP_MS and
 * PIECES_STREAM_TOTAL_MS (none set by default: then the check does not apply).
 */
import { defineCheck } from '../define.js';
import type { QgptStreamSubject } from '../../stream/types.js';
import { answerTimings } from '../../stream/timing.js';
import { failOn, isQgpt } from './util.js';

const LIMITS = [
  ['ttfcMs', 'time to first chunk', 'PIECES_STREAM_TTFC_MS'],
  ['maxGapMs', 'largest gap between frames', 'PIECES_STREAM_GAP_MS'],
  ['totalMs', 'total time', 'PIECES_STREAM_TOTAL_MS'],
] as const;
const BUDGET = { ttfcMs: 'ttfcMs', maxGapMs: 'gapMs', totalMs: 'totalMs' } as const;

/** Judges the timings of one answer against the configured budgets. */
export const streamTimingBudget = defineCheck({
  name: 'stream_timing_budget',
  title: 'Streamed answer exceeds its time budget',
  kind: 'stream',
  severity: 'low',
  basis: 'assumed',
  why: "The budgets are this run's settings (PIECES_STREAM_*); no Pieces OS document sets response times.",
  description: 'Time to first chunk, largest gap and total time of an answer stay within the configured budgets.',
  applies: (s: QgptStreamSubject) => isQgpt(s) && !!s.budgets && Object.values(s.budgets).some((v) => v !== undefined),
  run(s: QgptStreamSubject, _ctx, fail) {
    const t = answerTimings(s.request);
    return LIMITS.flatMap(([key, what, env]) => {
      const budget = s.budgets?.[BUDGET[key]];
      const value = t[key];
      if (budget === undefined || value === undefined || value <= budget) return [];
      return [failOn(fail, s, `${what} ${value} ms > budget ${budget} ms (${env})`)];
    });
  },
});

export default streamTimingBudget;
