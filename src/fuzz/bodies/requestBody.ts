/** Valid request bodies of any operation, straight from its schema (no domain content). */
import type { Arbitrary } from 'fast-check';
import { schemaArbitrary } from '../schemaArbitrary.js';
import type { SchemaArbitraryOptions } from '../types.js';
import { requestBodySchema, type OpenApiDocument } from './contractSchemas.js';

/** An arbitrary of valid request bodies of any operation, straight from its schema (no domain content). */
export function requestBodyArbitrary(
  spec: OpenApiDocument,
  operationId: string,
  options: SchemaArbitraryOptions = {},
): Arbitrary<unknown> {
  return schemaArbitrary(requestBodySchema(spec, operationId), {
    direction: 'request',
    location: `${operationId} request body`,
    ...options,
  });
}
