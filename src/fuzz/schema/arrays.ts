/** Array schemas: `items`, `minItems`/`maxItems` and `uniqueItems` (deep JSON equality, like Ajv). */
import fc, { type Arbitrary } from 'fast-check';
import { UnsatisfiableSchemaError, type JsonSchema } from '../types.js';
import { beyondDepth, itemCtx, type Ctx } from './context.js';
import { stableStringify } from './json.js';
import { anyJsonValue, type Compile } from './objects.js';

/** The arbitrary of a `type: array` schema. */
export function arrayArbitrary(schema: JsonSchema, ctx: Ctx, compile: Compile): Arbitrary<unknown[]> {
  const minLength: number = schema.minItems ?? 0;
  const declaredMax: number = schema.maxItems ?? Infinity;
  if (declaredMax < minLength)
    throw new UnsatisfiableSchemaError(ctx.loc, `minItems ${minLength} > maxItems ${declaredMax}`);
  // Past maxDepth arrays keep only the items they must have, which also stops recursive schemas.
  const maxLength = beyondDepth(ctx) ? minLength : Math.min(declaredMax, Math.max(minLength, ctx.opts.maxArrayLength));
  // A fresh array per value (not one shared constant), so callers may mutate what they get.
  if (maxLength === 0) return fc.constant(0).map(() => []);
  const items =
    schema.items && typeof schema.items === 'object' && !Array.isArray(schema.items)
      ? compile(schema.items, itemCtx(ctx, `${ctx.loc}/items`))
      : anyJsonValue();
  if (schema.uniqueItems === true) return fc.uniqueArray(items, { minLength, maxLength, selector: stableStringify });
  return fc.array(items, { minLength, maxLength });
}
