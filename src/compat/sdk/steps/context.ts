/** What every group of smoke steps works with: the recorder, the SDK's API classes, the marker, what is allowed. */
import type { SdkCall } from '../types.js';
import type { StepCheck, StepRunner, StepSkipper } from '../recorder.js';

/** Why a write step did not run on a read-only run. */
export const NO_WRITE = 'read-only run: no writes';

/** Why a QGPT step did not run on a read-only run (a question is a prompt to the target's models). */
export const NO_PROMPT = 'read-only run: no prompts';

/** One smoke run as the step groups see it. */
export interface SmokeRun {
  step: StepRunner;
  skip: StepSkipper;
  /** Every call so far, in run order. */
  calls: SdkCall[];
  /** An instance of the SDK's API class `cls` on the run's configuration (throws when the SDK has none). */
  api: (cls: string) => any;
  /** The marker every created name carries. */
  marker: string;
  /** False on a read-only run. */
  writes: boolean;
  /** Model downloads, loads and unloads may run. */
  allowDownloads: boolean;
  /** What the run created and could not remove, with why. */
  leftovers: string[];
}

/** Judges a listing answer: `N <noun>`, or that its `iterable` is missing. */
export function listing(noun: string): StepCheck<any> {
  return (v) =>
    Array.isArray(v?.iterable) ? { note: `${v.iterable.length} ${noun}` } : { shapeProblem: 'iterable is missing' };
}
