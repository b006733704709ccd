/**
 * One RunConfig from four layers: defaults < config file < environment < flags. Conflicts between
 * settings are usage errors that say what to drop.
 */
import { HarnessError } from '../../core/errors.js';
import type { OptionValue } from '../options.js';
import { ENV_KEYS, readEnv } from './env.js';
import { readConfigFile } from './file.js';
import { DEFAULTS, FIXES, isTarget, parseShard } from './schema.js';
import type { RunConfig, Suite, ValidationMode } from './schema.js';

/** The `run` flags as parsed by the option parser, mapped to config keys. */
export function fromFlags(values: Record<string, OptionValue>): Partial<RunConfig> {
  const out: Partial<RunConfig> = {};
  const v = values;
  if (typeof v.target === 'string') {
    if (!isTarget(v.target))
      throw new HarnessError('usage', `--target "${v.target}" is not a URL or "auto"`, FIXES.target);
    out.target = v.target;
  }
  if (Array.isArray(v.suite)) out.suites = [...new Set(v.suite)] as Suite[];
  if (typeof v.grep === 'string') out.grep = v.grep;
  if (typeof v['grep-invert'] === 'string') out.grepInvert = v['grep-invert'];
  if (typeof v.shard === 'string') {
    const shard = parseShard(v.shard);
    if (!shard) throw new HarnessError('usage', `--shard "${v.shard}" is not a shard`, FIXES.shard);
    out.shard = shard;
  }
  if (typeof v.validation === 'string') out.validation = v.validation as ValidationMode;
  if (typeof v['allow-downloads'] === 'boolean') out.allowDownloads = v['allow-downloads'];
  if (typeof v.readonly === 'boolean') out.readonly = v.readonly;
  if (typeof v.deep === 'boolean') out.deep = v.deep;
  if (Array.isArray(v.fault)) out.faults = [...new Set(v.fault)];
  if (typeof v['timeout-ms'] === 'number') out.timeoutMs = v['timeout-ms'];
  if (typeof v['reports-dir'] === 'string') out.reportsDir = v['reports-dir'];
  if (typeof v.workers === 'number') out.workers = v.workers;
  if (typeof v['fc-runs'] === 'number') out.fcRuns = v['fc-runs'];
  if (typeof v['fc-seed'] === 'number') out.fcSeed = v['fc-seed'];
  if (typeof v['fc-path'] === 'string') out.fcPath = v['fc-path'];
  if (typeof v['fc-replay-path'] === 'string') out.fcReplayPath = v['fc-replay-path'];
  if (v['no-html'] === true) out.html = false;
  return out;
}

/** Where each setting came from, for `--print-config` and error messages. */
export type Origin = 'default' | 'file' | 'env' | 'flag';

/** The merged config and the origin of every key. */
export interface ResolvedConfig {
  config: RunConfig;
  origins: Partial<Record<keyof RunConfig, Origin>>;
  /** The config file that was read, if any (relative to cwd). */
  file?: string;
}

/** Merges defaults, the config file, the environment and the flags (later wins), then cross-checks. */
export function resolveConfig(opts: {
  cwd: string;
  env: NodeJS.ProcessEnv;
  flags: Record<string, OptionValue>;
}): ResolvedConfig {
  const configPath = typeof opts.flags.config === 'string' ? opts.flags.config : opts.env.PIECES_CONFIG || undefined;
  const file = readConfigFile(opts.cwd, configPath);
  const layers: Array<[Origin, Partial<RunConfig>]> = [
    ['default', DEFAULTS],
    ['file', file.values],
    ['env', readEnv(opts.env)],
    ['flag', fromFlags(opts.flags)],
  ];
  const config = {} as RunConfig;
  const origins: ResolvedConfig['origins'] = {};
  for (const [origin, values] of layers) {
    for (const [k, value] of Object.entries(values) as Array<[keyof RunConfig, unknown]>) {
      if (value === undefined) continue;
      (config as unknown as Record<string, unknown>)[k] = value;
      origins[k] = origin;
    }
  }
  crossCheck(config, origins);
  return { config, origins, file: file.file };
}

const HOW: Record<Origin, (key: string) => string> = {
  default: (k) => k,
  file: (k) => `"${k}" in the config file`,
  env: (k) => ENV_KEYS.find(([, key]) => key === k)?.[0] ?? `the environment (${k})`,
  flag: (k) => `--${k}`,
};

function crossCheck(c: RunConfig, origins: ResolvedConfig['origins']): void {
  if (c.faults.length > 0 && c.target !== undefined) {
    throw new HarnessError(
      'usage',
      `fault switches (${c.faults.join(', ')}) work only with the embedded emulator, but a target is set by ${HOW[origins.target ?? 'flag']('target')}`,
      'drop --fault, or drop the target to test the embedded emulator',
    );
  }
  if (c.fcPath !== undefined && c.fcSeed === undefined) {
    throw new HarnessError(
      'usage',
      'a property path to replay (--fc-path) needs its seed',
      'add --fc-seed with the seed printed next to the path',
    );
  }
}
