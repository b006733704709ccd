/**
 * The CLI's view of the settings (src/settings): one typed config from defaults < config file <
 * environment < flags, the source of every value, and warnings for unknown PIECES_* variables.
 */
import { loadSettings, type FlagValue, type SettingKey, type Settings, type Source } from '../../settings/index.js';

/** Everything a `run` needs, after defaults, the config file, the environment and the flags. */
export type RunConfig = Settings;

/** Where each setting came from, for `--print-config` and error messages. */
export type Origin = Source;

/** The merged config and the origin of every key. */
export interface ResolvedConfig {
  config: RunConfig;
  origins: Record<SettingKey, Origin>;
  /** The config file that was read, if any (relative to cwd). */
  file?: string;
}

/** Merges defaults, the config file, the environment and the flags (later wins); `warn` gets each warning. */
export function resolveConfig(opts: {
  cwd: string;
  env: NodeJS.ProcessEnv;
  flags: Readonly<Record<string, FlagValue>>;
  warn?: (line: string) => void;
}): ResolvedConfig {
  const loaded = loadSettings(opts);
  for (const w of loaded.warnings) opts.warn?.(w);
  return { config: loaded.settings, origins: loaded.sources, file: loaded.file };
}
