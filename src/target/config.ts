/**
 * The suite's configuration: the settings the suites read (src/settings, one parser), as the
 * fixtures use them. A bad value is a config HarnessError naming the variable, the value and what
 * is accepted.
 */
import { readSettings } from '../settings/index.js';
import type { ValidationMode } from '../validate/mode.js';

/** What the suite reads from PIECES_* variables. */
export interface SuiteConfig {
  /** undefined: start the embedded emulator; 'auto': discover; else the target's base URL. */
  baseUrl?: string;
  /** Per-request timeout in ms (PIECES_TIMEOUT_MS, default 10000). */
  timeoutMs: number;
  /** PIECES_VALIDATION: strict (default) or lenient. */
  validation: ValidationMode;
  /** PIECES_READONLY: only reads run. */
  readonly: boolean;
  /** PIECES_ALLOW_DOWNLOADS: model downloads may run on a live target. */
  allowDownloads: boolean;
  /** PIECES_EMULATOR_FAULTS=a,b: faults for the embedded emulator (harness self-tests). */
  faults: string[];
  /** PIECES_DOWNLOAD_WAIT_MS: how long to wait for a model download (default 30000; the models suite picks its own when unset). */
  downloadWaitMs: number;
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
    downloadWaitMs: s.downloadWaitMs ?? 30_000,
  };
}
