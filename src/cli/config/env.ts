/**
 * Settings from environment variables: the same variables the suites read (PIECES_BASE_URL, ...),
 * so a CI job configured for `npx playwright test` configures `pieces-conformance run` too.
 */
import { HarnessError } from '../../core/errors.js';
import { FIXES, SUITES, VALIDATION_MODES, isTarget, parseShard } from './schema.js';
import type { RunConfig, Suite, ValidationMode } from './schema.js';

/** Each environment variable and the config key it sets. */
export const ENV_KEYS: ReadonlyArray<[variable: string, key: keyof RunConfig]> = [
  ['PIECES_BASE_URL', 'target'],
  ['PIECES_SUITES', 'suites'],
  ['PIECES_GREP', 'grep'],
  ['PIECES_SHARD', 'shard'],
  ['PIECES_VALIDATION', 'validation'],
  ['PIECES_ALLOW_DOWNLOADS', 'allowDownloads'],
  ['PIECES_READONLY', 'readonly'],
  ['PIECES_DEEP', 'deep'],
  ['PIECES_EMULATOR_FAULTS', 'faults'],
  ['PIECES_TIMEOUT_MS', 'timeoutMs'],
  ['PIECES_REPORTS_DIR', 'reportsDir'],
  ['PIECES_WORKERS', 'workers'],
  ['PIECES_FC_RUNS', 'fcRuns'],
  ['PIECES_FC_SEED', 'fcSeed'],
  ['PIECES_FC_PATH', 'fcPath'],
  ['PIECES_FC_REPLAY_PATH', 'fcReplayPath'],
];

function bad(variable: string, value: string, key: string): HarnessError {
  return new HarnessError('config', `environment variable ${variable}="${value}" is invalid`, FIXES[key]);
}

function flag(variable: string, value: string, _key: string): boolean {
  if (['1', 'true', 'yes'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(value.toLowerCase())) return false;
  throw new HarnessError('config', `environment variable ${variable}="${value}" is not a switch`, 'use 1 or 0');
}

function int(variable: string, value: string, key: string, min?: number): number {
  if (!/^-?\d+$/.test(value.trim())) throw bad(variable, value, key);
  const n = Number(value);
  if (min !== undefined && n < min) throw bad(variable, value, key);
  return n;
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The settings the environment gives; empty variables count as unset. */
export function readEnv(env: NodeJS.ProcessEnv): Partial<RunConfig> {
  const out: Partial<RunConfig> = {};
  for (const [variable, key] of ENV_KEYS) {
    const value = env[variable];
    if (value === undefined || value.trim() === '') continue;
    switch (key) {
      case 'target':
        if (!isTarget(value)) throw bad(variable, value, key);
        out.target = value;
        break;
      case 'suites': {
        const items = list(value);
        const unknown = items.find((s) => !(SUITES as readonly string[]).includes(s));
        if (unknown || items.length === 0) throw bad(variable, value, key);
        out.suites = items as Suite[];
        break;
      }
      case 'shard': {
        const shard = parseShard(value);
        if (!shard) throw bad(variable, value, key);
        out.shard = shard;
        break;
      }
      case 'validation':
        if (!(VALIDATION_MODES as readonly string[]).includes(value)) throw bad(variable, value, key);
        out.validation = value as ValidationMode;
        break;
      case 'allowDownloads':
      case 'readonly':
      case 'deep':
        out[key] = flag(variable, value, key);
        break;
      case 'faults':
        out.faults = list(value);
        break;
      case 'timeoutMs':
      case 'workers':
      case 'fcRuns':
        out[key] = int(variable, value, key, 1);
        break;
      case 'fcSeed':
        out.fcSeed = int(variable, value, key);
        break;
      case 'grep':
      case 'reportsDir':
      case 'fcPath':
      case 'fcReplayPath':
        out[key] = value;
        break;
    }
  }
  return out;
}
