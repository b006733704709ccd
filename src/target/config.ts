/**
 * The suite's configuration: the settings the suites read (src/settings, one parser), as the
 * fixtures use them. A bad value is a config HarnessError naming the variable, the value and what
 * is accepted.
 */
import { readSettings, timeBudgets, type EmulatorProfile, type TimeBudgets } from '../settings/index.js';
import type { ValidationMode } from '../validate/mode.js';

/** What the suite reads from PIECES_* variables. */
export interface SuiteConfig {
  /** undefined: start the embedded emulator; 'auto': discover; else the target's base URL. */
  baseUrl?: string;
  /** Per-request timeout of REST reads and writes in ms (PIECES_TIMEOUT_MS, default 10000). */
  timeoutMs: number;
  /** The time budgets by operation class (src/settings/budgets.ts): every wait of the suites. */
  budgets: TimeBudgets;
  /** PIECES_EMULATOR_PROFILE: the embedded emulator's pace (instant or realistic). */
  emulatorProfile: EmulatorProfile;
  /** PIECES_VALIDATION: strict (default) or lenient. */
  validation: ValidationMode;
  /** PIECES_READONLY: only reads run. */
  readonly: boolean;
  /** PIECES_ALLOW_DOWNLOADS: model downloads may run on a live target. */
  allowDownloads: boolean;
  /** PIECES_EMULATOR_FAULTS=a,b: faults for the embedded emulator (harness self-tests). */
  faults: string[];
}

/** Reads and validates the configuration. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): SuiteConfig {
  const s = readSettings(env);
  return {
    baseUrl: s.target,
    timeoutMs: s.timeoutMs,
    validation: s.validation,
    readonly: s.readonly,
    allowDownloads: s.allowDownloads,
    faults: s.faults,
    budgets: timeBudgets(s),
    emulatorProfile: s.emulatorProfile,
  };
}
