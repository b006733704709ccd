/**
 * Comparing two runs of the scenario, step by step: the status first (a different status makes
 * the bodies incomparable), then the media type, then the body's shape; for the stream, the
 * collapsed status sequence and the frames' shape.
 */
import { compareShapes } from './shape.js';
import type { ScenarioRecord, StepRecord, StreamRecord } from './scenario.js';

/** One difference between the reference (the emulator) and the target. */
export interface Drift {
  operationId: string;
  step: string;
  /** `status`, `media type`, `body <path>`, `stream sequence`, `frame <path>`, `stream`. */
  what: string;
  reference: string;
  target: string;
}

const ABSENT = '(absent)';

/** Every difference, in scenario order. */
export function compareRuns(reference: ScenarioRecord, target: ScenarioRecord): Drift[] {
  return [...compareSteps(reference.steps, target.steps), ...compareStreams(reference.stream, target.stream)];
}

/** The REST steps side by side: a step on one side only, then status, media type and body shape. */
export function compareSteps(reference: readonly StepRecord[], target: readonly StepRecord[]): Drift[] {
  const out: Drift[] = [];
  const n = Math.max(reference.length, target.length);
  for (let i = 0; i < n; i++) {
    const a = reference[i];
    const b = target[i];
    if (!a || !b) {
      const s = (a ?? b)!;
      out.push({
        operationId: s.operationId,
        step: s.step,
        what: 'step',
        reference: a ? 'ran' : 'did not run',
        target: b ? 'ran' : 'did not run',
      });
      continue;
    }
    const base = { operationId: a.operationId, step: a.step };
    if (a.status !== b.status) {
      const show = (s: typeof a) => (s.status === 0 ? `no response (${s.error ?? 'error'})` : String(s.status));
      out.push({ ...base, what: 'status', reference: show(a), target: show(b) });
      continue;
    }
    if ((a.media ?? '') !== (b.media ?? ''))
      out.push({ ...base, what: 'media type', reference: a.media ?? '(none)', target: b.media ?? '(none)' });
    for (const d of compareShapes(a.shape, b.shape)) {
      out.push({ ...base, what: `body ${d.path}`, reference: d.reference ?? ABSENT, target: d.target ?? ABSENT });
    }
  }
  return out;
}

/** One stream on both sides: how it ended when either failed, else the collapsed status sequence and the frames' shape. */
export function compareStreams(sa: StreamRecord, sb: StreamRecord): Drift[] {
  const out: Drift[] = [];
  const sbase = { operationId: sa.operationId, step: sa.step };
  if (sa.error || sb.error) {
    if ((sa.error ?? '') !== (sb.error ?? ''))
      out.push({ ...sbase, what: 'stream', reference: sa.error ?? 'answered', target: sb.error ?? 'answered' });
    return out;
  }
  if (sa.sequence !== sb.sequence)
    out.push({ ...sbase, what: 'stream sequence', reference: sa.sequence, target: sb.sequence });
  for (const d of compareShapes(sa.frameShape, sb.frameShape)) {
    out.push({ ...sbase, what: `frame ${d.path}`, reference: d.reference ?? ABSENT, target: d.target ?? ABSENT });
  }
  return out;
}
