/** String schemas: formats, patterns (through `fc.stringMatching`), lengths and pluggable domain strings. */
import fc, { type Arbitrary } from 'fast-check';
import { UnsatisfiableSchemaError, type JsonSchema } from '../types.js';
import type { Ctx } from './context.js';
import { EXTRA_PATTERNS } from './merge.js';
import { codePointLength } from './json.js';

// Realistic instants: Ajv accepts years 0000-9999, but servers often store epoch-based times.
const MIN_DATE = new Date('1970-01-01T00:00:00.000Z');
const MAX_DATE = new Date('2100-12-31T23:59:59.999Z');
const instant = () => fc.date({ min: MIN_DATE, max: MAX_DATE, noInvalidDate: true });

/** RFC 3339 date-times in the shapes real clients send: with and without milliseconds, Z or an offset. */
function dateTime(): Arbitrary<string> {
  return fc.tuple(instant(), fc.constantFrom('ms', 's', 'offset')).map(([d, style]) => {
    const iso = d.toISOString();
    if (style === 'ms') return iso;
    if (style === 's') return `${iso.slice(0, 19)}Z`;
    return `${iso.slice(0, 23)}+00:00`;
  });
}

/** Arbitraries for the formats the converter knows; other formats are generated as plain strings. */
const FORMATS: Record<string, () => Arbitrary<string>> = {
  uuid: () => fc.uuid(),
  'date-time': dateTime,
  date: () => instant().map((d) => d.toISOString().slice(0, 10)),
  email: () => fc.emailAddress(),
  uri: () => fc.webUrl({ withQueryParameters: true, withFragments: true }),
  byte: () => fc.base64String({ maxLength: 64 }),
  ipv4: () => fc.ipV4(),
  ipv6: () => fc.ipV6(),
  hostname: () => fc.domain(),
};

/** True when the converter generates this string format itself. */
export function isKnownStringFormat(format: unknown): boolean {
  return typeof format === 'string' && format in FORMATS;
}

// Ajv compiles patterns with the `u` flag; fall back to no flag for patterns only legal without it.
function toRegExp(pattern: string, loc: string): RegExp {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    try {
      return new RegExp(pattern);
    } catch (err) {
      throw new UnsatisfiableSchemaError(
        `${loc}/pattern`,
        `invalid regular expression ${JSON.stringify(pattern)}: ${(err as Error).message}`,
      );
    }
  }
}

function lengthBounds(schema: JsonSchema, ctx: Ctx): { min: number; max: number; declaredMax?: number } {
  const min = schema.minLength ?? 0;
  const declaredMax: number | undefined = schema.maxLength;
  if (declaredMax !== undefined && declaredMax < min) {
    throw new UnsatisfiableSchemaError(ctx.loc, `minLength ${min} > maxLength ${declaredMax}`);
  }
  const max = declaredMax ?? Math.max(min + 8, ctx.opts.maxStringLength);
  return { min, max, declaredMax };
}

function withLength(arb: Arbitrary<string>, min: number, max: number): Arbitrary<string> {
  return arb.filter((s) => {
    const n = codePointLength(s);
    return n >= min && n <= max;
  });
}

function fromPlugin(schema: JsonSchema, ctx: Ctx, min: number, max: number): Arbitrary<string> | undefined {
  const source = ctx.opts.strings;
  if (!source) return undefined;
  const constrained = schema.minLength !== undefined || schema.maxLength !== undefined;
  if (typeof source === 'function') {
    const arb = source({ path: ctx.path, minLength: schema.minLength, maxLength: schema.maxLength });
    return arb && (constrained ? withLength(arb, min, max) : arb);
  }
  // A shared domain source knows nothing of per-schema lengths: used where lengths are free only.
  return constrained ? undefined : source;
}

/** The arbitrary of a `type: string` schema (enum and const are handled before this). */
export function stringArbitrary(schema: JsonSchema, ctx: Ctx): Arbitrary<string> {
  const { min, max, declaredMax } = lengthBounds(schema, ctx);
  const extra: RegExp[] = (schema[EXTRA_PATTERNS] ?? []).map((p: string) => toRegExp(p, ctx.loc));
  const matchesExtra = (s: string) => extra.every((r) => r.test(s));
  if (typeof schema.pattern === 'string') {
    const re = toRegExp(schema.pattern, ctx.loc);
    const arb = fc.stringMatching(
      re,
      declaredMax !== undefined ? { maxLength: declaredMax } : { maxLength: Math.max(max, 32) },
    );
    return withLength(arb, min, declaredMax ?? Number.MAX_SAFE_INTEGER).filter(matchesExtra);
  }
  const format = FORMATS[schema.format as string];
  if (format) {
    const arb = format();
    const constrained = schema.minLength !== undefined || schema.maxLength !== undefined || extra.length > 0;
    return constrained ? withLength(arb, min, declaredMax ?? Number.MAX_SAFE_INTEGER).filter(matchesExtra) : arb;
  }
  // `unit: 'binary'` is one code point per unit, so fast-check's lengths are Ajv's lengths; it never
  // yields lone surrogates, so every value survives JSON and UTF-8 round trips.
  const plain = fromPlugin(schema, ctx, min, max) ?? fc.string({ unit: 'binary', minLength: min, maxLength: max });
  return extra.length > 0 ? plain.filter(matchesExtra) : plain;
}
