/** Replacement values that break one keyword: a wrong type, an invented enum value, a bad format. */
import { jsonEqual, jsonType } from '../schema/json.js';

/** Types a type can be mistaken for, most realistic confusion first. */
const CONFUSIONS: Record<string, string[]> = {
  string: ['number', 'boolean', 'array', 'object', 'null'],
  number: ['string', 'boolean', 'null'],
  integer: ['string', 'boolean', 'null'],
  boolean: ['string', 'number', 'null'],
  object: ['array', 'string', 'null'],
  array: ['object', 'string', 'null'],
  null: ['string', 'object'],
};

function sampleOf(type: string, from: unknown): unknown {
  switch (type) {
    case 'string':
      return typeof from === 'number' || typeof from === 'boolean' ? String(from) : 'text';
    case 'number':
      return 42;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return null;
  }
}

function accepts(types: readonly string[], nullable: boolean, t: string): boolean {
  if (t === 'null') return nullable || types.includes('null');
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}

/** A value of a type the schema does not accept, and its type (undefined if every type is accepted). */
export function wrongType(
  value: unknown,
  types: readonly string[],
  nullable: boolean,
): { value: unknown; type: string } | undefined {
  const from = jsonType(value);
  for (const t of CONFUSIONS[from] ?? []) {
    if (!accepts(types, nullable, t)) return { value: sampleOf(t, value), type: t };
  }
  return undefined;
}

/** A value of the enum's type that is not in the enum. */
export function inventedEnumValue(values: readonly unknown[]): unknown {
  const strings = values.filter((v): v is string => typeof v === 'string');
  if (strings.length > 0) {
    let invented = `${strings[0]}_INVENTED`;
    while (strings.includes(invented)) invented += '_';
    return invented;
  }
  const numbers = values.filter((v): v is number => typeof v === 'number');
  if (numbers.length > 0) return Math.max(...numbers) + 1;
  return values.some((v) => jsonEqual(v, 'INVENTED')) ? 'INVENTED_' : 'INVENTED';
}

/** A value different from the const, of the same type where possible. */
export function changedConst(value: unknown): unknown {
  if (typeof value === 'string') return `${value}_changed`;
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  return 'changed';
}

/** Values that look like the format but are not (Ajv + ajv-formats reject each). */
export const BROKEN_FORMATS: Record<string, unknown> = {
  uuid: 'not-a-uuid-0000',
  'date-time': '2024-13-45T25:61:00Z',
  date: '2024-02-30',
  email: 'not-an-email',
  uri: 'not a uri',
  byte: 'not*base64!',
  ipv4: '999.1.1.1',
  ipv6: 'gggg::1',
  hostname: '-bad-.host_name',
  int32: 2 ** 31,
};

/** A string that does not match `pattern` (undefined when every candidate matches). */
export function brokenPattern(pattern: string, value: unknown): string | undefined {
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'u');
  } catch {
    try {
      re = new RegExp(pattern);
    } catch {
      return undefined;
    }
  }
  const v = typeof value === 'string' ? value : '';
  return ['', ' ', '!', '\u0000', `!${v}`, `${v}\n!`, '~~~'].find((c) => !re.test(c));
}
