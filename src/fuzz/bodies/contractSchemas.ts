/** Looking schemas up in the dereferenced contract passed in (never in hard-coded copies). */
import { HarnessError } from '../../core/errors.js';
import type { JsonSchema } from '../types.js';

/** A dereferenced OpenAPI 3.0 document (e.g. from `SwaggerParser.dereference`). */
export type OpenApiDocument = Record<string, any>;

/** `components.schemas[name]`; a missing one is a spec error. */
export function componentSchema(spec: OpenApiDocument, name: string): JsonSchema {
  const schema = spec?.components?.schemas?.[name];
  if (!schema || typeof schema !== 'object')
    throw new HarnessError('spec', `#/components/schemas/${name}: no such schema in the contract`);
  return schema;
}

/** The values of an enum component (e.g. ClassificationSpecificEnum). */
export function enumValues(spec: OpenApiDocument, name: string): string[] {
  const values = componentSchema(spec, name).enum;
  if (!Array.isArray(values)) throw new HarnessError('spec', `#/components/schemas/${name}: not an enum`);
  return values;
}

/** The operation with this operationId, with its method and path. */
function findOperation(
  spec: OpenApiDocument,
  operationId: string,
): { method: string; path: string; op: Record<string, any> } {
  for (const [path, item] of Object.entries<Record<string, any>>(spec?.paths ?? {})) {
    for (const [method, op] of Object.entries<Record<string, any>>(item)) {
      if (op && typeof op === 'object' && op.operationId === operationId) return { method, path, op };
    }
  }
  throw new HarnessError('spec', `no operation with operationId ${operationId} in the contract`);
}

/** The request body schema of an operation for a media type. */
export function requestBodySchema(spec: OpenApiDocument, operationId: string, media = 'application/json'): JsonSchema {
  const { method, path, op } = findOperation(spec, operationId);
  const schema = op.requestBody?.content?.[media]?.schema;
  if (!schema)
    throw new HarnessError(
      'spec',
      `${method.toUpperCase()} ${path} (${operationId}) has no ${media} request body schema`,
    );
  return schema;
}

/** The response schema of an operation for a status and media type. */
export function responseSchema(
  spec: OpenApiDocument,
  operationId: string,
  status = '200',
  media = 'application/json',
): JsonSchema {
  const { method, path, op } = findOperation(spec, operationId);
  const schema = op.responses?.[status]?.content?.[media]?.schema;
  if (!schema)
    throw new HarnessError(
      'spec',
      `${method.toUpperCase()} ${path} (${operationId}) has no ${status} ${media} response schema`,
    );
  return schema;
}

/** A shallow copy of the schema that also requires `keys` (a tightening: its values stay valid). */
export function withRequired(schema: JsonSchema, keys: readonly string[]): JsonSchema {
  return { ...schema, required: [...new Set([...(schema.required ?? []), ...keys])] };
}
