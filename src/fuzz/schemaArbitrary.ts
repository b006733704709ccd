/** The public converter: a dereferenced OpenAPI 3.0 schema → a shrinking fast-check arbitrary. */
import type { Arbitrary } from 'fast-check';
import type { JsonSchema, SchemaArbitraryOptions } from './types.js';
import { compile } from './schema/compile.js';
import { resolveOptions } from './schema/context.js';

/**
 * An arbitrary of values valid against `schema` (a dereferenced OpenAPI 3.0 schema: no `$ref`).
 * Throws UnsatisfiableSchemaError, naming the schema location, when no value can be generated.
 */
export function schemaArbitrary(schema: JsonSchema, options: SchemaArbitraryOptions = {}): Arbitrary<unknown> {
  const opts = resolveOptions(options);
  return compile(schema, { opts, path: '', loc: options.location ?? '#', depth: 0 });
}
