/**
 * All four layers for the CLI: defaults < `pieces-conformance.config.json` < PIECES_* variables <
 * flags, then the cross-checks between settings. Conflicts are usage errors that say what to drop.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { HarnessError } from '../core/errors.js';
import type { SettingKey, Settings } from './catalogue.js';
import type { Source } from './parse.js';
import {
  envLayer,
  envName,
  fileLayer,
  flagLayer,
  flagName,
  mergeLayers,
  unknownVariableWarnings,
  type FlagValue,
  type Resolved,
} from './resolve.js';

/** The config file's name, looked up in the working directory when no other is named. */
export const CONFIG_FILE = 'pieces-conformance.config.json';

/**
 * The settings of a config file. `explicit` (--config or PIECES_CONFIG) must exist; otherwise
 * `pieces-conformance.config.json` in cwd is read when present.
 */
export function readConfigFile(cwd: string, explicit?: string): { file?: string; values: Partial<Settings> } {
  const path = resolve(cwd, explicit ?? CONFIG_FILE);
  const shown = relative(cwd, path) || path;
  if (!existsSync(path)) {
    if (explicit) throw new HarnessError('config', `${shown}: no such config file`, 'check the --config path');
    return { values: {} };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new HarnessError(
      'config',
      `${shown}: not valid JSON (${(err as Error).message.split('\n')[0]})`,
      'fix the JSON syntax',
    );
  }
  return { file: shown, values: fileLayer(doc, shown) };
}

/** Resolved settings, the config file read (relative to cwd) and warnings to print. */
export interface LoadedSettings extends Resolved {
  file?: string;
  /** Unknown PIECES_* variables, each with the nearest known name. */
  warnings: string[];
}

/** Merges defaults, the config file, the environment and the flags (later wins), then cross-checks. */
export function loadSettings(opts: {
  cwd: string;
  env: NodeJS.ProcessEnv;
  flags: Readonly<Record<string, FlagValue>>;
}): LoadedSettings {
  const fromEnv = envLayer(opts.env);
  const fromFlags = flagLayer(opts.flags);
  const file = readConfigFile(opts.cwd, fromFlags.config ?? fromEnv.config);
  const resolved = mergeLayers([
    ['file', file.values],
    ['env', fromEnv],
    ['flag', fromFlags],
  ]);
  crossCheck(resolved);
  return { ...resolved, file: file.file, warnings: unknownVariableWarnings(opts.env) };
}

/** How the user set a setting, in their words: the flag, the variable or the config-file key. */
export function spelledAs(key: SettingKey, source: Source): string {
  if (source === 'flag') return `--${flagName(key) ?? key}`;
  if (source === 'env') return envName(key);
  if (source === 'file') return `"${key}" in the config file`;
  return key;
}

function crossCheck({ settings: c, sources }: Resolved): void {
  if (c.faults.length > 0 && c.target !== undefined) {
    throw new HarnessError(
      'usage',
      `fault switches (${c.faults.join(', ')}) work only with the embedded emulator, but a target is set by ${spelledAs('target', sources.target)}`,
      'drop --fault, or drop the target to test the embedded emulator',
    );
  }
  if (c.fcPath !== undefined && c.fcSeed === undefined) {
    throw new HarnessError(
      'usage',
      `a property path to replay (${spelledAs('fcPath', sources.fcPath)}) needs its seed`,
      'add --fc-seed (PIECES_FC_SEED) with the seed printed next to the path',
    );
  }
}
