/** Number and integer schemas: bounds (inclusive or exclusive), int32/int64, and simple `multipleOf`. */
import fc, { type Arbitrary } from 'fast-check';
import { UnsatisfiableSchemaError, type JsonSchema } from '../types.js';
import type { Ctx } from './context.js';

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
// int64 goes beyond what a JSON number carries exactly: stay within the safe integers.
const INT64 = { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };

// JSON has no -0 (it is written as 0): generating it would only make round-trip checks flaky.
const noNegativeZero = (v: number): number => (Object.is(v, -0) ? 0 : v);

/** Inclusive integer bounds of a schema (exclusive bounds are numeric here, see `resolveSchema`). */
function integerBounds(schema: JsonSchema): { min: number; max: number } {
  const base = schema.format === 'int64' ? INT64 : INT32;
  let min = base.min,
    max = base.max;
  if (schema.minimum !== undefined) min = Math.max(min, Math.ceil(schema.minimum));
  if (schema.exclusiveMinimum !== undefined) min = Math.max(min, Math.floor(schema.exclusiveMinimum) + 1);
  if (schema.maximum !== undefined) max = Math.min(max, Math.floor(schema.maximum));
  if (schema.exclusiveMaximum !== undefined) max = Math.min(max, Math.ceil(schema.exclusiveMaximum) - 1);
  // An explicit bound past the default range widens it (up to the safe integers).
  if (schema.minimum !== undefined && schema.minimum > base.max)
    max = Math.min(INT64.max, Math.max(max, Math.ceil(schema.minimum) + 1000));
  if (schema.maximum !== undefined && schema.maximum < base.min)
    min = Math.max(INT64.min, Math.min(min, Math.floor(schema.maximum) - 1000));
  return { min, max };
}

function multipleOfIntegers(m: number, min: number, max: number, ctx: Ctx): Arbitrary<number> {
  const kMin = Math.ceil(min / m),
    kMax = Math.floor(max / m);
  if (kMin > kMax) throw new UnsatisfiableSchemaError(ctx.loc, `no multiple of ${m} in [${min}, ${max}]`);
  return fc.integer({ min: kMin, max: kMax }).map((k) => noNegativeZero(k * m));
}

/** The arbitrary of a `type: integer` schema. */
export function integerArbitrary(schema: JsonSchema, ctx: Ctx): Arbitrary<number> {
  const { min, max } = integerBounds(schema);
  if (min > max) throw new UnsatisfiableSchemaError(ctx.loc, `no integer in [${min}, ${max}]`);
  const m = schema.multipleOf;
  if (typeof m === 'number' && m > 0) {
    if (Number.isInteger(m)) return multipleOfIntegers(m, min, max, ctx);
    // A fractional step over integers: integer multiples of the step, kept when whole.
    return multipleOfIntegers(m, min, max, ctx).filter((v) => Number.isInteger(v));
  }
  return fc.integer({ min, max });
}

/** The arbitrary of a `type: number` schema: whole and fractional values, finite only (JSON). */
export function numberArbitrary(schema: JsonSchema, ctx: Ctx): Arbitrary<number> {
  // The tighter of the inclusive and the exclusive bound wins on each side.
  let lo = schema.minimum ?? -Number.MAX_VALUE,
    minExcluded = false;
  if (schema.exclusiveMinimum !== undefined && schema.exclusiveMinimum >= lo) {
    lo = schema.exclusiveMinimum;
    minExcluded = true;
  }
  let hi = schema.maximum ?? Number.MAX_VALUE,
    maxExcluded = false;
  if (schema.exclusiveMaximum !== undefined && schema.exclusiveMaximum <= hi) {
    hi = schema.exclusiveMaximum;
    maxExcluded = true;
  }
  if (lo > hi || (lo === hi && (minExcluded || maxExcluded))) {
    throw new UnsatisfiableSchemaError(
      ctx.loc,
      `no number in ${minExcluded ? '(' : '['}${lo}, ${hi}${maxExcluded ? ')' : ']'}`,
    );
  }
  const inRange = (v: number) => (minExcluded ? v > lo : v >= lo) && (maxExcluded ? v < hi : v <= hi);
  const m = schema.multipleOf;
  if (typeof m === 'number' && m > 0) {
    // Ajv checks that `value / multipleOf` is whole; floating point can miss that for fractional steps.
    return multipleOfIntegers(m, Math.max(lo, INT64.min), Math.min(hi, INT64.max), ctx).filter(
      (v) => inRange(v) && Number.isInteger(v / m),
    );
  }
  const doubles = fc
    .double({ min: lo, max: hi, minExcluded, maxExcluded, noNaN: true, noDefaultInfinity: true })
    .map(noNegativeZero);
  // Whole numbers too: most numbers on the wire are counts and ids, and they shrink more readably.
  const intLo = Math.max(minExcluded ? Math.floor(lo) + 1 : Math.ceil(lo), INT32.min);
  const intHi = Math.min(maxExcluded ? Math.ceil(hi) - 1 : Math.floor(hi), INT32.max);
  if (intLo > intHi) return doubles;
  return fc.oneof(fc.integer({ min: intLo, max: intHi }).map(noNegativeZero), doubles);
}
