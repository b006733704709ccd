/** Shared fixtures of the fuzz unit tests: the dereferenced contract and Ajv validators. */
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { fileURLToPath } from 'node:url';

// ajv-formats is CommonJS; under ESM its default export may arrive wrapped.
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv) => unknown;

/** The contract file, relative to this test file. */
export const SPEC_FILE = fileURLToPath(new URL('../../../spec/pieces-os.openapi.yaml', import.meta.url));

let spec: Promise<Record<string, any>> | undefined;

/** The dereferenced contract, loaded once per test file. */
export function loadSpec(): Promise<Record<string, any>> {
  spec ??= (SwaggerParser.dereference(SPEC_FILE) as Promise<Record<string, any>>).then((api) => {
    registerContract(api);
    return api;
  });
  return spec;
}

/** Ajv 8 + ajv-formats, strict off (OpenAPI keywords); Ajv understands OpenAPI's `nullable`. */
export function createAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv;
}

const shared = createAjv();
const cache = new WeakMap<object, ValidateFunction>();
const componentNames = new Map<object, string>();

// The dereferenced contract inlines every component wherever it is used, and Ajv would compile each
// copy again (a second per big schema). Objects identical to a component are turned back into $refs
// to one registered copy, so each component compiles once; the schemas validated stay the same.
function refify(node: any, root: boolean): any {
  if (!node || typeof node !== 'object') return node;
  const name = componentNames.get(node);
  if (!root && name) return { $ref: `contract#/components/schemas/${name}` };
  if (Array.isArray(node)) return node.map((n) => refify(n, false));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node))
    out[k] = k === 'enum' || k === 'const' || k === 'example' ? v : refify(v, false);
  return out;
}

/** Registers the contract's components once, so validators of contract schemas share them. */
export function registerContract(api: Record<string, any>): void {
  if (componentNames.size > 0) return;
  for (const [name, schema] of Object.entries<object>(api.components.schemas)) componentNames.set(schema, name);
  const schemas = Object.fromEntries(
    Object.entries<object>(api.components.schemas).map(([name, schema]) => [name, refify(schema, true)]),
  );
  shared.addSchema({ $id: 'contract', components: { schemas } });
}

/** A cached validator of one schema object (contract schemas compile through the registered components). */
export function validatorFor(schema: object): ValidateFunction {
  let v = cache.get(schema);
  if (!v) {
    const name = componentNames.get(schema);
    v = name ? shared.getSchema(`contract#/components/schemas/${name}`)! : shared.compile(refify(schema, true));
    cache.set(schema, v);
  }
  return v;
}

/** Every schema the contract puts on the wire: components, request bodies and 200 responses. */
export function contractSchemas(
  api: Record<string, any>,
): { name: string; schema: Record<string, any>; direction?: 'request' | 'response' }[] {
  const out: { name: string; schema: Record<string, any>; direction?: 'request' | 'response' }[] = [];
  for (const [name, schema] of Object.entries<Record<string, any>>(api.components.schemas))
    out.push({ name: `#/components/schemas/${name}`, schema });
  for (const [path, item] of Object.entries<Record<string, any>>(api.paths)) {
    for (const [method, op] of Object.entries<Record<string, any>>(item)) {
      if (!op || typeof op !== 'object' || !op.responses) continue;
      for (const [media, c] of Object.entries<Record<string, any>>(op.requestBody?.content ?? {})) {
        if (c.schema) out.push({ name: `${op.operationId} request ${media}`, schema: c.schema, direction: 'request' });
      }
      for (const [media, c] of Object.entries<Record<string, any>>(op.responses['200']?.content ?? {})) {
        if (c.schema)
          out.push({
            name: `${op.operationId} 200 ${media} (${method.toUpperCase()} ${path})`,
            schema: c.schema,
            direction: 'response',
          });
      }
    }
  }
  return out;
}

/** An object schema with these properties (and any further keywords). */
export const objectSchema = (properties: Record<string, any>, extra: Record<string, any> = {}) => ({
  type: 'object',
  properties,
  ...extra,
});
