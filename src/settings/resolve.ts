/**
 * Reading settings: defaults < config file < environment < flags, every value through the one parser.
 * The Playwright side (playwright.config.ts, global setup, fixtures, the property suite) reads
 * `readSettings(process.env)`; the CLI adds its config file and flags with `resolveSettings`.
 */
import { HarnessError } from '../core/errors.js';
import type { Setting } from './define.js';
import { envNameOf, flagNameOf } from './define.js';
import { parseSetting, type Source } from './parse.js';
import { HANDOFF_ENV, SETTINGS, WORKFLOW_ENV, type SettingKey, type Settings, type Shard } from './catalogue.js';
import { nearest } from './names.js';

/** Every setting with its key, in declaration order. */
export const SETTING_ENTRIES = Object.entries(SETTINGS) as Array<[SettingKey, Setting]>;

/** The variable of a setting. */
export function envName(key: SettingKey): string {
  return envNameOf(key, SETTINGS[key]);
}

/** The flag of a setting (without dashes), or undefined. */
export function flagName(key: SettingKey): string | undefined {
  return flagNameOf(key, SETTINGS[key]);
}

/** A fresh copy of the defaults (lists are not shared). */
export function defaultSettings(): Settings {
  const out: Record<string, unknown> = {};
  for (const [key, s] of SETTING_ENTRIES) out[key] = Array.isArray(s.default) ? [...s.default] : s.default;
  return out as Settings;
}

/** The settings the environment gives (empty variables count as unset; older names after the current one). */
export function envLayer(env: NodeJS.ProcessEnv): Partial<Settings> {
  const out: Record<string, unknown> = {};
  for (const [key, s] of SETTING_ENTRIES) {
    for (const name of [envNameOf(key, s), ...(s.envAliases ?? [])]) {
      const raw = env[name];
      if (raw === undefined || raw.trim() === '') continue;
      out[key] = parseSetting(s, raw, { source: 'env', label: name });
      break;
    }
  }
  return out as Partial<Settings>;
}

/** The keys a config file may hold. */
export const FILE_KEYS: readonly SettingKey[] = SETTING_ENTRIES.filter(([, s]) => s.file !== false).map(([k]) => k);

/** The settings of a parsed config document; `file` names it in errors. */
export function fileLayer(doc: unknown, file: string): Partial<Settings> {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new HarnessError('config', `${file}: the config must be a JSON object`, 'write {"key": value, ...}');
  }
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(doc)) {
    if (key === '$schema') continue;
    if (!(FILE_KEYS as readonly string[]).includes(key)) {
      const near = nearest(key, FILE_KEYS);
      throw new HarnessError(
        'config',
        `${file}: unknown key "${key}"`,
        `${near ? `did you mean "${near}"? ` : ''}known keys: ${FILE_KEYS.join(', ')}`,
      );
    }
    out[key] = parseSetting(SETTINGS[key as SettingKey] as Setting, raw, {
      source: 'file',
      label: `${file}: "${key}"`,
    });
  }
  return out as Partial<Settings>;
}

/** A parsed flag value (the CLI's option parser runs the same parser on flags). */
export type FlagValue = string | number | boolean | string[] | Shard | undefined;

/** The settings the flags give, by each setting's flag name. */
export function flagLayer(values: Readonly<Record<string, FlagValue>>): Partial<Settings> {
  const out: Record<string, unknown> = {};
  for (const [key, s] of SETTING_ENTRIES) {
    const name = flagNameOf(key, s);
    const value = name === undefined ? undefined : values[name];
    if (value === undefined) continue;
    out[key] = s.negatedFlag ? !value : value;
  }
  return out as Partial<Settings>;
}

/** Settings with the source of each. */
export interface Resolved {
  settings: Settings;
  sources: Record<SettingKey, Source>;
}

/** Merges layers over the defaults, later wins. */
export function mergeLayers(layers: ReadonlyArray<[Exclude<Source, 'default'>, Partial<Settings>]>): Resolved {
  const settings = defaultSettings() as Record<string, unknown>;
  const sources = Object.fromEntries(SETTING_ENTRIES.map(([k]) => [k, 'default'])) as Record<SettingKey, Source>;
  for (const [source, values] of layers) {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) continue;
      settings[k] = v;
      sources[k as SettingKey] = source;
    }
  }
  return { settings: settings as Settings, sources };
}

/** The Playwright side's settings: defaults and the environment (the CLI hands its settings over as variables). */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  return mergeLayers([['env', envLayer(env)]]).settings;
}

/** One setting from the environment (its default when unset); a bad value is the same error as everywhere. */
export function readSetting<K extends SettingKey>(key: K, env: NodeJS.ProcessEnv = process.env): Settings[K] {
  const s = SETTINGS[key] as Setting;
  for (const name of [envNameOf(key, s), ...(s.envAliases ?? [])]) {
    const raw = env[name];
    if (raw !== undefined && raw.trim() !== '')
      return parseSetting(s, raw, { source: 'env', label: name }) as Settings[K];
  }
  return defaultSettings()[key];
}

/** Every variable name the harness knows (settings, older names, hand-offs). */
export function knownVariables(): string[] {
  return [
    ...SETTING_ENTRIES.flatMap(([k, s]) => [envNameOf(k, s), ...(s.envAliases ?? [])]),
    ...Object.values(HANDOFF_ENV),
    ...WORKFLOW_ENV,
  ];
}

/** One warning per unknown PIECES_* variable, naming the nearest known one. */
export function unknownVariableWarnings(env: NodeJS.ProcessEnv): string[] {
  const known = knownVariables();
  return Object.keys(env)
    .filter((name) => name.startsWith('PIECES_') && !known.includes(name))
    .map((name) => {
      const near = nearest(name, known);
      return `pieces-conformance: warning: unknown variable ${name} is ignored${near ? ` (did you mean ${near}?)` : ''}`;
    });
}
