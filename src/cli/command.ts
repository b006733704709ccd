/**
 * What a subcommand of `pieces-conformance` is. Each command lives in one file under
 * `src/cli/commands/` and is listed once in `src/cli/commands/index.ts`; `main.ts` dispatches to it
 * and renders its `--help` from this description.
 */
import type { OptionSpec, ParsedArgs } from './options.js';

/** Where a command writes: injectable so tests can capture the output. */
export interface CommandIO {
  out(line: string): void;
  err(line: string): void;
  /** The directory relative user paths (--config, --reports-dir) resolve from: the caller's cwd. */
  cwd: string;
  /** The environment the command reads (a copy of process.env by default). */
  env: NodeJS.ProcessEnv;
}

/** A subcommand: its help text, its options and what it does; `run` resolves to the exit code. */
export interface Command {
  /** The word after `pieces-conformance`, e.g. `run`. */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Positional arguments for the usage line, e.g. `[dir ...]`; without it a positional argument is a usage error. */
  readonly args?: string;
  /** The hint of that usage error (default: see the command's --help). */
  readonly positionalHint?: string;
  /** A paragraph shown under the usage line of `--help`. */
  readonly details?: string;
  readonly options: readonly OptionSpec[];
  /** Example invocations (without the `pieces-conformance` prefix), each with a comment. */
  readonly examples?: ReadonlyArray<[example: string, comment: string]>;
  /**
   * When true the raw arguments are handed to `runRaw` unparsed (the `emulator` command forwards
   * them to the emulator's own bin, whose flags are its own).
   */
  readonly passthrough?: boolean;
  run?(args: ParsedArgs, io: CommandIO): Promise<number>;
  runRaw?(argv: string[], io: CommandIO): Promise<number>;
}
