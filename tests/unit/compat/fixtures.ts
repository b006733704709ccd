/** Small hand-made OpenAPI documents for the compat unit tests. */
import type { ContractVersion, Json } from '../../../src/compat/types.js';

/** A minimal OpenAPI 3.0 document with the given paths and component schemas. */
export function doc(paths: Json, schemas: Json = {}): Json {
  return { openapi: '3.0.3', info: { title: 'fixture', version: '1' }, paths, components: { schemas } };
}

/** One operation at `method path`. */
export function one(method: string, path: string, op: Json, schemas: Json = {}): Json {
  return doc(
    { [path]: { [method]: { operationId: 'op', responses: { '200': { description: 'OK' } }, ...op } } },
    schemas,
  );
}

/** A `GET /things` whose 200 JSON body has this schema. */
export function responds(schema: Json, schemas: Json = {}): Json {
  return one(
    'get',
    '/things',
    { responses: { '200': { description: 'OK', content: { 'application/json': { schema } } } } },
    schemas,
  );
}

/** A `POST /things` whose (required) JSON request body has this schema. */
export function accepts(schema: Json, schemas: Json = {}, required = true): Json {
  return one('post', '/things', { requestBody: { required, content: { 'application/json': { schema } } } }, schemas);
}

/** A `GET /things/{id}` with these extra parameters. */
export function params(...ps: Json[]): Json {
  return one('get', '/things/{id}', {
    parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ...ps],
  });
}

/** An object schema with these properties (all optional unless `required` lists them). */
export function obj(properties: Json, required?: string[]): Json {
  return { type: 'object', properties, ...(required ? { required } : {}) };
}

/** A string schema, optionally with an enum. */
export function str(values?: string[]): Json {
  return { type: 'string', ...(values ? { enum: values } : {}) };
}

/** A contract version of the matrix around document `d` (`refined`: the one the others are compared with). */
export function version(id: string, d: Json, refined = false): ContractVersion {
  return {
    id,
    label: id,
    file: `${id}.yaml`,
    date: null,
    origin: '',
    era: '',
    sdk: [],
    pos: null,
    doc: d,
    ...(refined ? { refined } : {}),
  };
}
