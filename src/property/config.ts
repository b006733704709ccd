/**
 * The property suite's settings from the environment, typed and validated once: replay
 * (`PIECES_FC_SEED`, `PIECES_FC_PATH`, `PIECES_FC_REPLAY_PATH`) and depth (`PIECES_FC_RUNS`,
 * `PIECES_DEEP`, or its older name `PIECES_FC_DEEP`). A bad value is a config HarnessError naming the
 * variable, the value and what is accepted.
 */
import { HarnessError } from '../core/errors.js';
import { readSetting } from '../settings/index.js';

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
  /** PIECES_DEEP=1 (or PIECES_FC_DEEP=1; `pieces-conformance run --deep`): nightly depth. */
  deep: boolean;
}

/** Reads and validates the property settings (src/settings: one parser for every setting). */
export function readPropertyConfig(env: NodeJS.ProcessEnv = process.env): PropertyConfig {
  const seed = readSetting('fcSeed', env);
  const path = readSetting('fcPath', env);
  if (path !== undefined && seed === undefined) {
    throw new HarnessError(
      'config',
      'PIECES_FC_PATH replays nothing without PIECES_FC_SEED',
      'set both, as the failure message prints them',
    );
  }
  return {
    seed,
    path,
    replayPath: readSetting('fcReplayPath', env),
    runs: readSetting('fcRuns', env),
    deep: readSetting('deep', env),
  };
}
