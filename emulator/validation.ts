/**
 * Request validation compiled from the contract once per process: body validators keyed by
 * operationId (openapi-backend compiles every operation's validators up front the same way) and
 * query coercion. Messages name the offending field, because a 400 must say what was wrong.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { loadContract, type ContractOperation } from './contract.js';

// ajv-formats is CommonJS; under ESM its default export may arrive wrapped.
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv) => unknown;

const BASE = 'https://pieces-os.local/spec';

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function instance(): Ajv {
  if (ajv) return ajv;
  // strict:false because OpenAPI schemas carry keywords JSON Schema does not know (x-*, example).
  ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv);
  for (const name of ['int32', 'int64', 'float', 'double']) ajv.addFormat(name, true);
  // The components are added under one base id, so the spec's own `#/components/...` refs resolve.
  ajv.addSchema({ $id: BASE, components: { schemas: loadContract().doc.components.schemas } });
  return ajv;
}

/** The compiled validator of a named component schema (cached). */
export function schemaValidator(name: string): ValidateFunction {
  let v = compiled.get(name);
  if (!v) {
    v = instance().compile({ $ref: `${BASE}#/components/schemas/${name}` });
    compiled.set(name, v);
  }
  return v;
}

/** The compiled request-body validator of an operation, or undefined when it takes no body. */
export function bodyValidator(op: ContractOperation): ValidateFunction | undefined {
  if (!op.body) return undefined;
  const ref = (op.body.schema as any).$ref as string | undefined;
  if (ref) return schemaValidator(ref.split('/').pop()!);
  const key = `body:${op.operationId}`;
  let v = compiled.get(key);
  if (!v) {
    v = instance().compile({ $id: `${BASE}/${key}`, ...rebase(op.body.schema) });
    compiled.set(key, v);
  }
  return v;
}

/** Rewrites local refs of an inline schema so that they point into the registered components. */
function rebase(node: any): any {
  if (Array.isArray(node)) return node.map(rebase);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${BASE}${v}` : rebase(v);
  }
  return out;
}

/** Dotted field path of an Ajv error (`asset.format.fragment`), `body` for the root. */
function fieldOf(e: ErrorObject): string {
  const parts = e.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (e.keyword === 'required') parts.push((e.params as any).missingProperty);
  return parts.length ? parts.join('.') : 'body';
}

/** One human sentence for the first validation error, naming the field. */
export function describeErrors(errors: ErrorObject[] | null | undefined, where = 'request body'): string {
  const e = errors?.[0];
  if (!e) return `Invalid ${where}`;
  const field = fieldOf(e);
  const p = e.params as any;
  switch (e.keyword) {
    case 'required':
      return `Invalid ${where}: field '${field}' is required`;
    case 'type':
      return `Invalid ${where}: field '${field}' must be of type ${p.type}`;
    case 'enum':
      return `Invalid ${where}: field '${field}' must be one of the documented values`;
    case 'format':
      return `Invalid ${where}: field '${field}' must be a valid ${p.format}`;
    case 'anyOf':
      return `Invalid ${where}: field '${field}' does not match any allowed form`;
    default:
      return `Invalid ${where}: field '${field}' ${e.message ?? 'is invalid'}`;
  }
}

/** Coerces the documented query parameters in place; answers an error message or undefined. */
export function coerceQuery(op: ContractOperation, query: Record<string, unknown>): string | undefined {
  for (const param of op.query) {
    const raw = query[param.name];
    if (raw === undefined) continue;
    if (typeof raw !== 'string') return `Invalid query parameter '${param.name}': given more than once`;
    if (param.type === 'boolean') {
      const v = raw.toLowerCase();
      if (v !== 'true' && v !== 'false') return `Invalid query parameter '${param.name}': must be true or false`;
      query[param.name] = v === 'true';
    }
  }
  return undefined;
}
