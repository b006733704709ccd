/** Object schemas: `properties` + `required` through `fc.record(..., { requiredKeys })`, maps, extras. */
import fc, { type Arbitrary } from 'fast-check';
import { UnsatisfiableSchemaError, type JsonSchema } from '../types.js';
import { beyondDepth, propertyCtx, type Ctx } from './context.js';
import { FORBIDDEN_KEYS } from './merge.js';
import { pointerToken } from '../../core/pointer.js';

/** Converts a sub-schema in a sub-context (the dispatcher, passed in to keep modules acyclic). */
export type Compile = (schema: JsonSchema, ctx: Ctx) => Arbitrary<unknown>;

// Extra keys are plain identifiers, and prefixed so they never collide with a declared property
// (nor with `__proto__`, which would not survive as an own key).
const extraKey = fc.stringMatching(/^x_[a-z][a-z0-9_]{0,7}$/);

/** A small JSON value for keys the schema does not describe. */
export function anyJsonValue(): Arbitrary<unknown> {
  return fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -1000, max: 1000 }), fc.string({ maxLength: 8 }));
}

/** Whether the direction hides a property: readOnly is not sent, writeOnly is not answered. */
function hiddenByDirection(prop: JsonSchema, ctx: Ctx): boolean {
  return (
    (ctx.opts.direction === 'request' && prop.readOnly === true) ||
    (ctx.opts.direction === 'response' && prop.writeOnly === true)
  );
}

function additionalArbitrary(schema: JsonSchema, ctx: Ctx, compile: Compile, key: string): Arbitrary<unknown> {
  const ap = schema.additionalProperties;
  return typeof ap === 'object' && ap !== null
    ? compile(ap, propertyCtx(ctx, key, `${ctx.loc}/additionalProperties`))
    : anyJsonValue();
}

/** A map-shaped object (`additionalProperties: {...}` and no properties), e.g. `indices`. */
function mapArbitrary(schema: JsonSchema, ctx: Ctx, compile: Compile): Arbitrary<Record<string, unknown>> {
  const minKeys = schema.minProperties ?? 0;
  const maxKeys = beyondDepth(ctx)
    ? minKeys
    : Math.max(minKeys, Math.min(schema.maxProperties ?? Infinity, ctx.opts.maxArrayLength));
  const value = additionalArbitrary(schema, ctx, compile, '*');
  return fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_-]{0,11}$/), value, {
    minKeys,
    maxKeys,
    noNullPrototype: true,
  });
}

/** The arbitrary of a `type: object` schema. */
export function objectArbitrary(schema: JsonSchema, ctx: Ctx, compile: Compile): Arbitrary<Record<string, unknown>> {
  const properties: Record<string, JsonSchema> = schema.properties ?? {};
  const forbidden = new Set<string>(schema[FORBIDDEN_KEYS] ?? []);
  const declared = Object.keys(properties);
  if (declared.length === 0 && typeof schema.additionalProperties === 'object' && !schema.required?.length) {
    return mapArbitrary(schema, ctx, compile);
  }
  const required = new Set<string>();
  for (const key of (schema.required ?? []) as string[]) {
    if (forbidden.has(key)) continue;
    if (properties[key] && hiddenByDirection(properties[key], ctx)) continue;
    if (!properties[key] && schema.additionalProperties === false) {
      throw new UnsatisfiableSchemaError(
        ctx.loc,
        `required property "${key}" is not allowed by additionalProperties: false`,
      );
    }
    required.add(key);
  }
  const model: Record<string, Arbitrary<unknown>> = {};
  for (const key of declared) {
    const prop = properties[key];
    const sub = propertyCtx(ctx, key, `${ctx.loc}/properties/${escapePointer(key)}`);
    const optional = !required.has(key);
    if (forbidden.has(key) || hiddenByDirection(prop, ctx)) continue;
    if (optional && (beyondDepth(ctx) || ctx.opts.omit.has(sub.path))) continue;
    if (!optional && ctx.opts.omit.has(sub.path)) {
      throw new UnsatisfiableSchemaError(sub.loc, `cannot omit required property "${sub.path}"`);
    }
    model[key] = compile(prop, sub);
  }
  // Required keys with no declared schema take any value the additionalProperties allow.
  for (const key of required) if (!(key in model)) model[key] = additionalArbitrary(schema, ctx, compile, key);
  const record = fc.record(model, { requiredKeys: [...required], noNullPrototype: true });
  if (!ctx.opts.extraProperties || schema.additionalProperties === false || beyondDepth(ctx)) return record;
  const extras = fc.dictionary(extraKey, additionalArbitrary(schema, ctx, compile, '*'), {
    maxKeys: 2,
    noNullPrototype: true,
  });
  return fc.tuple(record, extras).map(([declaredPart, extra]) => ({ ...extra, ...declaredPart }));
}

/** A property name as a JSON pointer token (RFC 6901: `~` → `~0`, `/` → `~1`). */
export const escapePointer = pointerToken;
