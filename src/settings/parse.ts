/**
 * The one parser of setting values, whatever their source: text from an environment variable or a
 * flag, or a JSON value from the config file. Booleans accept 1/0, true/false, on/off, yes/no (any
 * case); whole numbers are digits only; enum words match any case; lists are comma-separated (or a
 * JSON array). An invalid value is an error naming the setting, the value and what is accepted.
 */
import { HarnessError } from '../core/errors.js';
import type { Kind, Setting } from './define.js';

/** Where a value came from (the layers, lowest first). */
export type Source = 'default' | 'file' | 'env' | 'flag';

const TRUE = ['1', 'true', 'on', 'yes'];
const FALSE = ['0', 'false', 'off', 'no'];

/** What a kind accepts, in words, for error lines and the README. */
export function acceptedText(kind: Kind): string {
  switch (kind.type) {
    case 'boolean':
      return '1/0, true/false, on/off, yes/no';
    case 'int': {
      const { min, max } = kind;
      if (min !== undefined && max !== undefined) return `a whole number from ${min} to ${max}`;
      return min !== undefined ? `a whole number, at least ${min}` : 'a whole number';
    }
    case 'string':
      return kind.accepts ?? (kind.pattern ? `text matching ${kind.pattern}` : 'non-empty text');
    case 'enum':
      return `one of ${kind.choices.join(', ')}`;
    case 'list':
      return `a comma-separated list of ${kind.choices ? kind.choices.join(', ') : (kind.accepts ?? 'names')}`;
    case 'custom':
      return kind.accepts;
  }
}

/** Parses one raw value; undefined when it is not a value of the kind. */
export function parseKind(kind: Kind, raw: unknown): { value: unknown } | undefined {
  switch (kind.type) {
    case 'boolean': {
      if (typeof raw === 'boolean') return { value: raw };
      const t = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
      if (t !== undefined && TRUE.includes(t)) return { value: true };
      if (t !== undefined && FALSE.includes(t)) return { value: false };
      return undefined;
    }
    case 'int': {
      let n: number | undefined;
      if (typeof raw === 'number' && Number.isInteger(raw)) n = raw;
      else if (typeof raw === 'string' && /^[+-]?\d+$/.test(raw.trim())) n = Number(raw.trim());
      if (n === undefined || !Number.isSafeInteger(n)) return undefined;
      if ((kind.min !== undefined && n < kind.min) || (kind.max !== undefined && n > kind.max)) return undefined;
      return { value: n };
    }
    case 'string': {
      const t = typeof raw === 'string' ? raw.trim() : undefined;
      if (!t || (kind.pattern && !kind.pattern.test(t))) return undefined;
      return { value: t };
    }
    case 'enum': {
      const t = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
      const choice = kind.choices.find((c) => c.toLowerCase() === t);
      return choice === undefined ? undefined : { value: choice };
    }
    case 'list': {
      const items = Array.isArray(raw)
        ? raw.map((x) => (typeof x === 'string' ? x.trim() : undefined))
        : typeof raw === 'string'
          ? raw.split(',').map((s) => s.trim())
          : undefined;
      if (!items || items.some((x) => x === undefined)) return undefined;
      const values = [...new Set((items as string[]).filter(Boolean))];
      if (kind.choices && (values.length === 0 || values.some((v) => !kind.choices!.includes(v)))) return undefined;
      if (kind.pattern && values.some((v) => !kind.pattern!.test(v))) return undefined;
      return { value: values };
    }
    case 'custom': {
      if (typeof raw !== 'string' || raw.trim() === '') return undefined;
      const value = kind.parse(raw.trim());
      return value === undefined ? undefined : { value };
    }
  }
}

/** How a setting is named in an error line, by source. */
export interface Where {
  source: Exclude<Source, 'default'>;
  /** The variable, `--flag`, or `file: "key"`. */
  label: string;
}

/** Parses a setting's raw value from one source, or throws the error naming setting, value and what is accepted. */
export function parseSetting<T>(setting: Setting<T>, raw: unknown, where: Where): T {
  const parsed = parseKind(setting.kind, raw);
  if (parsed) return parsed.value as T;
  const shown =
    where.source === 'env' ? `${where.label}=${JSON.stringify(raw)}` : `${where.label} ${JSON.stringify(raw)}`;
  throw new HarnessError(
    where.source === 'flag' ? 'usage' : 'config',
    `${shown} is invalid`,
    `accepted: ${acceptedText(setting.kind)}`,
  );
}

/** A value written back as the text of its environment variable (the inverse of parsing). */
export function formatSetting(setting: Setting, value: unknown): string {
  const kind = setting.kind;
  if (kind.type === 'boolean') return value ? '1' : '0';
  if (kind.type === 'list') return (value as string[]).join(',');
  if (kind.type === 'custom' && kind.format) return (kind.format as (v: unknown) => string)(value);
  return String(value);
}
