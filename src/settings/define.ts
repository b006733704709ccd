/**
 * How a setting is declared: its kind of value (the one parser's rules), its default, its doc line,
 * and its names: the config-file key is the declaration's key, the environment variable is
 * `PIECES_` + the key in SCREAMING_SNAKE (or declared), the flag is the key in kebab-case (when the
 * setting has one, or declared). Adding a setting is one declaration in catalogue.ts.
 */

/** The kinds of value, each with one set of parsing rules (parse.ts). */
export type Kind =
  | { readonly type: 'boolean' }
  | { readonly type: 'int'; readonly min?: number; readonly max?: number }
  | { readonly type: 'string'; readonly pattern?: RegExp; readonly accepts?: string }
  | { readonly type: 'enum'; readonly choices: readonly string[] }
  | {
      readonly type: 'list';
      readonly choices?: readonly string[];
      readonly pattern?: RegExp;
      readonly accepts?: string;
    }
  | {
      readonly type: 'custom';
      /** The value, or undefined when the text is not one. */
      readonly parse: (text: string) => unknown;
      /** What is accepted, for the error line, e.g. `i/n with 1 <= i <= n`. */
      readonly accepts: string;
      /** How the value is written back into an environment variable (default String). */
      readonly format?: (value: never) => string;
    };

/** Where a setting is used, for the README table and `--print-config`. */
export type Group = 'run' | 'budgets' | 'property' | 'stream' | 'reports' | 'cli';

/** One setting. T is its parsed value (undefined included when it has no default). */
export interface Setting<T = unknown> {
  readonly kind: Kind;
  readonly default: T;
  /** One line for the README table and `--help`. */
  readonly doc: string;
  readonly group: Group;
  /** The default as the docs show it, when the value alone does not say it (e.g. "the embedded emulator"). */
  readonly defaultText?: string;
  /** The environment variable, when it is not `PIECES_` + SCREAMING_SNAKE of the key. */
  readonly env?: string;
  /** Older names of the variable, still read (after `env`). */
  readonly envAliases?: readonly string[];
  /** The CLI flag: true derives it (kebab-case key), a string names it; absent: no flag. */
  readonly flag?: true | string;
  /** A boolean flag that sets false (`--no-html`). */
  readonly negatedFlag?: boolean;
  /** What the value looks like in `--help`, e.g. `URL|auto`. */
  readonly placeholder?: string;
  /** A list flag may be repeated (`--fault a --fault b`). */
  readonly repeatable?: boolean;
  /** False: not a config-file key (e.g. the config file's own path). */
  readonly file?: boolean;
  /**
   * How `pieces-conformance run` hands the setting to the suites: 'env' (default) sets its variable
   * in Playwright's environment when it differs from the default; 'cli' means the CLI itself uses it
   * (Playwright arguments, its own reports) and the variable is cleared.
   */
  readonly forward?: 'env' | 'cli';
}

type Common<T> = Omit<Setting<T>, 'kind' | 'default'>;

/** A switch: 1/0, true/false, on/off, yes/no (any case). */
export function bool(o: Common<boolean> & { default?: boolean }): Setting<boolean> {
  return { ...o, kind: { type: 'boolean' }, default: o.default ?? false };
}

/** A whole number, optionally bounded. */
export function int<D extends number | undefined = undefined>(
  o: Common<number> & { default?: D; min?: number; max?: number },
): Setting<number | D> {
  const { min, max, ...rest } = o;
  return { ...rest, kind: { type: 'int', min, max }, default: o.default as D };
}

/** Free text, optionally matching a pattern. */
export function text<D extends string | undefined = undefined>(
  o: Common<string> & { default?: D; pattern?: RegExp; accepts?: string },
): Setting<string | D> {
  const { pattern, accepts, ...rest } = o;
  return { ...rest, kind: { type: 'string', pattern, accepts }, default: o.default as D };
}

/** One of a fixed set of words (matched case-insensitively). */
export function oneOf<const C extends readonly string[], D extends C[number] | undefined = undefined>(
  choices: C,
  o: Common<C[number]> & { default?: D },
): Setting<C[number] | D> {
  return { ...o, kind: { type: 'enum', choices }, default: o.default as D };
}

/** A comma-separated list (an array in the config file). */
export function list<T extends string = string>(
  o: Common<T[]> & { default?: T[]; choices?: readonly T[]; pattern?: RegExp; accepts?: string },
): Setting<T[]> {
  const { choices, pattern, accepts, ...rest } = o;
  return { ...rest, kind: { type: 'list', choices, pattern, accepts }, default: o.default ?? [] };
}

/** A value with its own syntax (a URL, a shard). */
export function custom<T>(
  o: Common<T | undefined> & {
    parse: (text: string) => T | undefined;
    accepts: string;
    format?: (value: T) => string;
  },
): Setting<T | undefined> {
  const { parse, accepts, format, ...rest } = o;
  return { ...rest, kind: { type: 'custom', parse, accepts, format: format as never }, default: undefined };
}

/** `timeoutMs` → `PIECES_TIMEOUT_MS`. */
export function envNameOf(key: string, s: Setting): string {
  return s.env ?? `PIECES_${key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

/** `timeoutMs` → `timeout-ms`; undefined when the setting has no flag. */
export function flagNameOf(key: string, s: Setting): string | undefined {
  if (s.flag === undefined) return undefined;
  return s.flag === true ? key.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase() : s.flag;
}
