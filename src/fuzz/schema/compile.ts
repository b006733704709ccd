/**
 * The converter's dispatcher: one schema node → one fast-check arbitrary, built only from combinators
 * (record, array, oneof, option, constantFrom, ...) so that every generated value shrinks structurally.
 */
import fc, { type Arbitrary } from 'fast-check';
import { HarnessError } from '../../core/errors.js';
import { UnsatisfiableSchemaError, type JsonSchema } from '../types.js';
import type { Ctx } from './context.js';
import { expandBranches, resolveSchema, typeList } from './merge.js';
import { jsonType } from './json.js';
import { anyJsonValue, objectArbitrary } from './objects.js';
import { arrayArbitrary } from './arrays.js';
import { integerArbitrary, numberArbitrary } from './numbers.js';
import { isKnownStringFormat, stringArbitrary } from './strings.js';

// Past maxDepth only required properties and minItems are generated; still going this much deeper
// means a required chain loops back on itself, which no finite value satisfies.
const RECURSION_SLACK = 64;

/** The JSON types a schema without `type` implies through its other keywords (undefined: any). */
export function inferTypes(s: JsonSchema): string[] | undefined {
  const has = (...keys: string[]) => keys.some((k) => s[k] !== undefined);
  if (has('properties', 'required', 'additionalProperties', 'minProperties', 'maxProperties')) return ['object'];
  if (has('items', 'minItems', 'maxItems', 'uniqueItems')) return ['array'];
  if (s.format === 'int32' || s.format === 'int64') return ['integer'];
  if (s.format === 'float' || s.format === 'double') return ['number'];
  if (has('pattern', 'minLength', 'maxLength') || isKnownStringFormat(s.format)) return ['string'];
  if (has('minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf')) return ['number'];
  return undefined;
}

function typeArbitrary(type: string, s: JsonSchema, ctx: Ctx): Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringArbitrary(s, ctx);
    case 'integer':
      return integerArbitrary(s, ctx);
    // int32/int64 on a number still means whole numbers (ajv-formats checks Number.isInteger).
    case 'number':
      return s.format === 'int32' || s.format === 'int64' ? integerArbitrary(s, ctx) : numberArbitrary(s, ctx);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return arrayArbitrary(s, ctx, compile);
    case 'object':
      return objectArbitrary(s, ctx, compile);
    default:
      throw new UnsatisfiableSchemaError(`${ctx.loc}/type`, `unknown type "${type}"`);
  }
}

function typeAccepts(types: string[] | undefined, value: unknown, nullable: boolean): boolean {
  if (!types) return true;
  const t = jsonType(value);
  if (t === 'null') return nullable || types.includes('null');
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}

/** A schema with no branches left: const, enum, then its type(s); nullable adds null. */
function leafArbitrary(s: JsonSchema, ctx: Ctx): Arbitrary<unknown> {
  const types = typeList(s);
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) {
    const values = s.enum.filter((v: unknown) => typeAccepts(types, v, s.nullable === true));
    if (values.length === 0) throw new UnsatisfiableSchemaError(`${ctx.loc}/enum`, 'no enum value has the schema type');
    return fc.constantFrom(...values);
  }
  const effective = types ?? inferTypes(s);
  const base = effective
    ? effective.length === 1
      ? typeArbitrary(effective[0], s, ctx)
      : fc.oneof(...effective.map((t) => typeArbitrary(t, s, ctx)))
    : anyJsonValue();
  // OpenAPI 3.0 `nullable`: null as well (fc.option shrinks towards null, the smallest value).
  return s.nullable === true && !effective?.includes('null') ? fc.option(base, { nil: null }) : base;
}

/** Converts one schema node in its context (overrides first, then branches, then the leaf). */
export function compile(schema: JsonSchema | boolean | undefined, ctx: Ctx): Arbitrary<unknown> {
  const override = ctx.opts.overrides.get(ctx.path);
  if (override) return override;
  if (schema === false) throw new UnsatisfiableSchemaError(ctx.loc, 'the schema `false` accepts nothing');
  if (schema === true || schema === undefined || schema === null) return anyJsonValue();
  if (typeof schema.$ref === 'string') {
    throw new HarnessError(
      'usage',
      `${ctx.loc}: $ref ${schema.$ref} is not resolved`,
      'pass a dereferenced schema (SwaggerParser.dereference)',
    );
  }
  if (ctx.depth > ctx.opts.maxDepth + RECURSION_SLACK) {
    throw new UnsatisfiableSchemaError(
      ctx.loc,
      `recursion does not end at ${ctx.path}: a required property or minItems leads back here`,
    );
  }
  const s = resolveSchema(schema, ctx.loc);
  if (!s.anyOf && !s.oneOf) return leafArbitrary(s, ctx);
  const arbs: Arbitrary<unknown>[] = [];
  const reasons: string[] = [];
  for (const branch of expandBranches(s, ctx.loc)) {
    try {
      arbs.push(compile(branch.schema, { ...ctx, loc: branch.location }));
    } catch (err) {
      if (!(err instanceof UnsatisfiableSchemaError)) throw err;
      reasons.push(err.message);
    }
  }
  if (arbs.length === 0)
    throw new UnsatisfiableSchemaError(ctx.loc, `no anyOf/oneOf branch can be generated (${reasons.join('; ')})`);
  return arbs.length === 1 ? arbs[0] : fc.oneof(...arbs);
}
