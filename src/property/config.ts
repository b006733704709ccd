/**
 * The property suite's settings from the environment, typed and validated once: replay
 * (`PIECES_FC_SEED`, `PIECES_FC_PATH`, `PIECES_FC_REPLAY_PATH`) and depth (`PIECES_FC_RUNS`,
 * `PIECES_FC_DEEP` or the CLI's `PIECES_DEEP`). A bad value is a config HarnessError naming the fix.
 */
import { HarnessError } from '../core/errors.js';

/** What the property suite reads from PIECES_FC_* variables. */
export interface PropertyConfig {
  /** PIECES_FC_SEED: the seed of a run to replay (a 32-bit integer, as fast-check prints it). */
  seed?: number;
  /** PIECES_FC_PATH: the counterexample path to replay (`3:1:0`); needs the seed. */
  path?: string;
  /** PIECES_FC_REPLAY_PATH: the `replayPath` of a failed command sequence (stateful properties). */
  replayPath?: string;
  /** PIECES_FC_RUNS: runs per property, overriding every default and the deep mode. */
  runs?: number;
  /** PIECES_FC_DEEP=1 (or PIECES_DEEP=1, set by `pieces-conformance run --deep`): nightly depth. */
  deep: boolean;
}

/** The truthy and falsy spellings of a boolean variable. */
function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const v = env[name]?.trim();
  if (v === undefined || v === '') return false;
  if (/^(1|true|yes|on)$/i.test(v)) return true;
  if (/^(0|false|no|off)$/i.test(v)) return false;
  throw new HarnessError('config', `${name}=${JSON.stringify(v)} is not a boolean`, `use ${name}=1 or ${name}=0`);
}

/** An optional trimmed, non-empty string variable. */
function text(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const v = env[name]?.trim();
  return v === undefined || v === '' ? undefined : v;
}

/** Reads and validates the property settings. */
export function readPropertyConfig(env: NodeJS.ProcessEnv = process.env): PropertyConfig {
  const seedText = text(env, 'PIECES_FC_SEED');
  const path = text(env, 'PIECES_FC_PATH');
  const replayPath = text(env, 'PIECES_FC_REPLAY_PATH');
  const runsText = text(env, 'PIECES_FC_RUNS');
  let seed: number | undefined;
  if (seedText !== undefined) {
    seed = Number(seedText);
    // fast-check prints seeds as 32-bit integers (negative ones included).
    if (!Number.isInteger(seed) || seed < -0x80000000 || seed > 0xffffffff) {
      throw new HarnessError(
        'config',
        `PIECES_FC_SEED=${JSON.stringify(seedText)} is not a 32-bit integer`,
        'copy the seed from the failure message, e.g. PIECES_FC_SEED=-1203779261',
      );
    }
  }
  if (path !== undefined && !/^\d+(:\d+)*$/.test(path)) {
    throw new HarnessError(
      'config',
      `PIECES_FC_PATH=${JSON.stringify(path)} is not a counterexample path`,
      'copy the path from the failure message, e.g. PIECES_FC_PATH="4:1:0"',
    );
  }
  if (path !== undefined && seed === undefined) {
    throw new HarnessError(
      'config',
      'PIECES_FC_PATH replays nothing without PIECES_FC_SEED',
      'set both, as the failure message prints them',
    );
  }
  if (replayPath !== undefined && !/^[A-Za-z0-9+/=:_-]+$/.test(replayPath)) {
    throw new HarnessError(
      'config',
      `PIECES_FC_REPLAY_PATH=${JSON.stringify(replayPath)} is not a command replay path`,
      'copy it from the failure message of a stateful property',
    );
  }
  let runs: number | undefined;
  if (runsText !== undefined) {
    runs = Number(runsText);
    if (!Number.isInteger(runs) || runs < 1) {
      throw new HarnessError(
        'config',
        `PIECES_FC_RUNS=${JSON.stringify(runsText)} is not a positive number of runs`,
        'e.g. PIECES_FC_RUNS=500',
      );
    }
  }
  const deep = flag(env, 'PIECES_FC_DEEP') || flag(env, 'PIECES_DEEP');
  return { seed, path, replayPath, runs, deep };
}
