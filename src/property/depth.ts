/**
 * How deep a property runs and how it replays: the fast-check parameters and the `fc.commands`
 * constraints of one property, from its budget and the suite's PropertyConfig.
 */
import type { CommandsContraints, Parameters } from 'fast-check';
import type { PropertyConfig } from './config.js';

/** A property's own depth: runs at the default depth (quick) and in the deep (nightly) mode. */
export interface Budget {
  /** Runs per property at the default depth. */
  runs: number;
  /** Runs in the deep mode (default: 10 × runs). */
  deepRuns?: number;
}

/** A stateful property's command budget: at most this many commands per run. */
export interface CommandBudget {
  maxCommands: number;
  /** In the deep mode (default: 3 × maxCommands). */
  deepMaxCommands?: number;
}

/** The number of runs: PIECES_FC_RUNS wins, then the deep mode, then the property's default. */
export function runsFor(config: PropertyConfig, budget: Budget): number {
  if (config.runs !== undefined) return config.runs;
  return config.deep ? (budget.deepRuns ?? budget.runs * 10) : budget.runs;
}

/** The commands per run of a stateful property. */
export function maxCommandsFor(config: PropertyConfig, budget: CommandBudget): number {
  return config.deep ? (budget.deepMaxCommands ?? budget.maxCommands * 3) : budget.maxCommands;
}

/**
 * The replay and depth parameters of `fc.assert`. With a path, fast-check starts from the
 * counterexample and `endOnFailure` stops at it: the replay runs the shrunk case only.
 */
export function replayParameters<T>(config: PropertyConfig, budget: Budget): Parameters<T> {
  return {
    numRuns: runsFor(config, budget),
    ...(config.seed !== undefined ? { seed: config.seed } : {}),
    ...(config.path !== undefined ? { path: config.path, endOnFailure: true } : {}),
  };
}

/**
 * The `fc.commands` constraints: the command budget, and the replay path of a failed sequence.
 * `size: 'max'` lets sequences reach the budget (the default size keeps them under ten commands).
 */
export function commandsConstraints(config: PropertyConfig, budget: CommandBudget): CommandsContraints {
  return {
    maxCommands: maxCommandsFor(config, budget),
    size: 'max',
    ...(config.replayPath !== undefined ? { replayPath: config.replayPath } : {}),
  };
}
