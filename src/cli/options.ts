/**
 * Declarative command-line options: each command lists its options once (name, type, description),
 * and the same list drives parsing, validation and `--help` (Prism's CLI: every option described).
 * Options that set a setting come from its declaration (`settingOptions`) and their values go
 * through the settings' one parser, so a flag accepts what the variable and the config file accept.
 */
import { HarnessError } from '../core/errors.js';
import {
  SETTINGS,
  envName,
  flagName,
  formatSetting,
  parseKind,
  parseSetting,
  type Setting,
  type SettingKey,
  type Shard,
} from '../settings/index.js';
import { nearest } from '../settings/names.js';

/** The kinds of value an option takes. */
export type OptionType = 'boolean' | 'string' | 'int' | 'enum' | 'list';

/** One `--name` option of a command. */
export interface OptionSpec {
  /** Long name without the dashes: `target` is `--target`. */
  readonly name: string;
  readonly type: OptionType;
  /** One line for `--help`. */
  readonly description: string;
  /** What the value looks like in `--help`, e.g. `URL|auto`. */
  readonly placeholder?: string;
  /** Allowed values of an `enum`, or of every item of a `list`. */
  readonly choices?: readonly string[];
  /** Smallest allowed value of an `int`. */
  readonly min?: number;
  /** A list option may be repeated and takes comma-separated values; others may not. */
  readonly repeatable?: boolean;
  /** Shown in `--help` as the default. */
  readonly defaultText?: string;
  /** The setting this option sets: its value goes through the settings' parser. */
  readonly setting?: Setting;
}

function optionType(s: Setting): OptionType {
  const t = s.kind.type;
  return t === 'custom' ? 'string' : t;
}

/** The options of settings, from their declarations (name, type, description, default). */
export function settingOptions(...keys: SettingKey[]): OptionSpec[] {
  return keys.map((key) => {
    const s = SETTINGS[key] as Setting;
    const name = flagName(key);
    if (!name) throw new HarnessError('internal', `setting ${key} has no flag`);
    const shownDefault =
      s.defaultText ??
      (s.default === undefined || s.default === false || (Array.isArray(s.default) && !s.default.length)
        ? undefined
        : formatSetting(s, s.default));
    return {
      name,
      type: s.negatedFlag ? 'boolean' : optionType(s),
      description: `${s.doc} (env ${envName(key)})`,
      placeholder: s.placeholder,
      choices: s.kind.type === 'enum' || s.kind.type === 'list' ? s.kind.choices : undefined,
      repeatable: s.repeatable,
      defaultText: s.negatedFlag ? undefined : shownDefault,
      setting: s.negatedFlag ? undefined : s,
    };
  });
}

/** A parsed option value (a setting's flag gives its parsed value, e.g. a shard). */
export type OptionValue = string | number | boolean | string[] | Shard;

/** What the parser returns: option values by name, and the positional arguments. */
export interface ParsedArgs {
  values: Record<string, OptionValue>;
  positionals: string[];
  /** `--help` or `-h` was given. */
  help: boolean;
}

function usage(command: string, message: string, hint?: string): HarnessError {
  return new HarnessError('usage', message, hint ?? `see: pieces-conformance ${command} --help`);
}

function convert(command: string, spec: OptionSpec, raw: string): OptionValue {
  const flag = `--${spec.name}`;
  if (spec.setting) {
    if (raw.trim() === '') throw usage(command, `${flag} needs a non-empty value`);
    if (spec.type === 'list' && raw.split(',').every((x) => !x.trim())) {
      throw usage(command, `${flag} needs at least one value`);
    }
    return parseSetting(spec.setting, raw, { source: 'flag', label: flag }) as OptionValue;
  }
  switch (spec.type) {
    case 'int': {
      if (!/^-?\d+$/.test(raw.trim())) throw usage(command, `${flag} takes a whole number, got "${raw}"`);
      const n = Number(raw);
      if (spec.min !== undefined && n < spec.min)
        throw usage(command, `${flag} must be at least ${spec.min}, got ${n}`);
      return n;
    }
    case 'enum':
      if (!spec.choices?.includes(raw)) {
        throw usage(command, `${flag} takes one of ${spec.choices?.join(', ')}, got "${raw}"`);
      }
      return raw;
    case 'list': {
      const items = raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (items.length === 0) throw usage(command, `${flag} needs at least one value`);
      for (const item of items) {
        if (spec.choices && !spec.choices.includes(item)) {
          throw usage(command, `${flag}: unknown value "${item}"`, `choose from ${spec.choices.join(', ')}`);
        }
      }
      return items;
    }
    default:
      if (raw === '') throw usage(command, `${flag} needs a non-empty value`);
      return raw;
  }
}

/**
 * Parses argv against the option list: `--name value`, `--name=value`, booleans as `--name`
 * (or `--name=true|false`), `--` ends the options. Unknown options and missing values are usage
 * errors that name the option and point at `--help`.
 */
export function parseArgs(command: string, argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const values: Record<string, OptionValue> = {};
  const positionals: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) throw usage(command, `unknown option ${arg} (options are spelled --name)`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const spec = byName.get(name);
    if (!spec) {
      const near =
        specs.find((s) => s.name.startsWith(name) || name.startsWith(s.name)) ??
        specs.find(
          (s) =>
            s.name ===
            nearest(
              name,
              specs.map((x) => x.name),
            ),
        );
      throw usage(
        command,
        `unknown option --${name} for "${command}"`,
        near ? `did you mean --${near.name}? see: pieces-conformance ${command} --help` : undefined,
      );
    }
    let raw: string | undefined = eq === -1 ? undefined : arg.slice(eq + 1);
    if (spec.type === 'boolean') {
      const parsed = raw === undefined ? { value: true } : parseKind({ type: 'boolean' }, raw);
      if (!parsed) {
        throw usage(command, `--${name} is a switch and takes no value (or =on / =off), got "${raw}"`);
      }
      values[name] = parsed.value as boolean;
      continue;
    }
    if (raw === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw usage(command, `--${name} needs a value${spec.placeholder ? ` (${spec.placeholder})` : ''}`);
      }
      raw = next;
      i++;
    }
    const value = convert(command, spec, raw);
    if (name in values && !spec.repeatable) {
      throw usage(command, `--${name} was given twice`, 'give it once');
    }
    values[name] =
      spec.type === 'list' && Array.isArray(values[name])
        ? [...new Set([...(values[name] as string[]), ...(value as string[])])]
        : value;
  }
  return { values, positionals, help };
}
