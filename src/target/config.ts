/**
 * The suite's configuration from the environment, typed and validated once: a bad value is a
 * config HarnessError that names the variable and how to fix it.
 */
import { HarnessError } from '../core/errors.js';
import type { ValidationMode } from '../validate/validators.js';

/** Everything the suite reads from PIECES_* variables. */
export interface SuiteConfig {
  /** undefined: start the embedded emulator; 'auto': discover; else the target's base URL. */
  baseUrl?: string;
  /** Per-request timeout in ms (PIECES_TIMEOUT_MS, default 10000). */
  timeoutMs: number;
  /** PIECES_VALIDATION: strict (default) or lenient. */
  validation: ValidationMode;
  /** PIECES_READONLY=1: only reads run. */
  readonly: boolean;
  /** PIECES_ALLOW_DOWNLOADS=1: model downloads may run on a live target. */
  allowDownloads: boolean;
  /** PIECES_EMULATOR_FAULTS=a,b: faults for the embedded emulator (harness self-tests). */
  faults: string[];
  /** PIECES_DOWNLOAD_WAIT_MS: how long to wait for a model download (default 30000). */
  downloadWaitMs: number;
}

/** The truthy spellings of a boolean variable. */
function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const v = env[name];
  if (v === undefined || v === '') return false;
  if (/^(1|true|yes|on)$/i.test(v)) return true;
  if (/^(0|false|no|off)$/i.test(v)) return false;
  throw new HarnessError('config', `${name}=${JSON.stringify(v)} is not a boolean`, `use ${name}=1 or ${name}=0`);
}

/** A positive integer variable with a default. */
function millis(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0)
    throw new HarnessError(
      'config',
      `${name}=${JSON.stringify(v)} is not a positive number of milliseconds`,
      `e.g. ${name}=${fallback}`,
    );
  return n;
}

/** Reads and validates the configuration. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): SuiteConfig {
  const raw = env.PIECES_BASE_URL?.trim();
  let baseUrl: string | undefined;
  if (raw && raw.toLowerCase() === 'auto') baseUrl = 'auto';
  else if (raw) {
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      throw new HarnessError(
        'config',
        `PIECES_BASE_URL=${JSON.stringify(raw)} is not a URL`,
        'e.g. PIECES_BASE_URL=http://localhost:1000, or auto, or unset for the embedded emulator',
      );
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      throw new HarnessError(
        'config',
        `PIECES_BASE_URL=${JSON.stringify(raw)} must be http(s)`,
        'e.g. PIECES_BASE_URL=http://localhost:1000',
      );
    }
    baseUrl = raw.replace(/\/+$/, '');
  }
  const validation = (env.PIECES_VALIDATION?.trim() || 'strict').toLowerCase();
  if (validation !== 'strict' && validation !== 'lenient') {
    throw new HarnessError(
      'config',
      `PIECES_VALIDATION=${JSON.stringify(env.PIECES_VALIDATION)} is not a validation mode`,
      'use strict or lenient',
    );
  }
  return {
    baseUrl,
    timeoutMs: millis(env, 'PIECES_TIMEOUT_MS', 10_000),
    validation,
    readonly: flag(env, 'PIECES_READONLY'),
    allowDownloads: flag(env, 'PIECES_ALLOW_DOWNLOADS'),
    faults: (env.PIECES_EMULATOR_FAULTS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    downloadWaitMs: millis(env, 'PIECES_DOWNLOAD_WAIT_MS', 30_000),
  };
}
