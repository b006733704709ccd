/**
 * The subcommands of `pieces-conformance`, in `--help` order: the one list. A new command is one
 * file in this folder that default-exports a `Command` (see ../command.ts), plus one line here.
 */
import type { Command } from '../command.js';
import { Registry } from '../../core/registry.js';
import clean from './clean.js';
import compat from './compat.js';
import diff from './diff.js';
import emulator from './emulator.js';
import merge from './merge.js';
import proxy from './proxy.js';
import replay from './replay.js';
import run from './run.js';
import selftest from './selftest.js';

/** Every command, registered once (a duplicate name is refused at startup). */
export const registry = new Registry<Command>('command');
for (const c of [run, replay, emulator, merge, compat, selftest, proxy, diff, clean]) registry.register(c);

/** Every command, in `--help` order. */
export const commands: readonly Command[] = registry.all();

/** The command called name, or undefined. */
export function findCommand(name: string): Command | undefined {
  return registry.get(name);
}
