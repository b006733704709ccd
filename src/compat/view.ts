import { HTTP_METHODS, operationKey, unpointerToken } from './paths.js';
import type { Json } from './types.js';

/** One operation of a document, ready for comparison. */
export interface OperationView {
  /** Matching key, `METHOD /normalised/{}/path`. */
  key: string;
  /** Display id: `x-seed-operation-id`, else `x-contract-operation-id`, else `operationId`, else the key. */
  id: string;
  /** HTTP method, lower case. */
  method: string;
  /** Path as written. */
  path: string;
  /** The Operation Object (references unresolved). */
  op: Json;
  /** Path-level and operation-level parameters, resolved, operation-level winning (OpenAPI 3.0 section 4.7.9). */
  params: Json[];
}

/** A document prepared for comparison: its operations by key and a `$ref` resolver. */
export interface DocView {
  /** The document. */
  doc: Json;
  /** Operations by matching key, in document order. */
  operations: Map<string, OperationView>;
  /** Follows internal `$ref`s until a non-reference node; returns it (or the node itself). */
  resolve(node: unknown): unknown;
}

/** True when the value is a non-array object. */
export function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const views = new WeakMap<Json, DocView>();

/** Builds (once per document) the comparison view of an OpenAPI 3.0 document with internal references. */
export function viewOf(doc: Json): DocView {
  const cached = views.get(doc);
  if (cached) return cached;
  const resolve = (node: unknown): unknown => {
    let cur = node;
    for (let hops = 0; isObj(cur) && typeof cur.$ref === 'string'; hops++) {
      if (hops > 50) throw new Error(`$ref chain too long at ${String(cur.$ref)}`);
      const ref = cur.$ref as string;
      if (!ref.startsWith('#/')) throw new Error(`External $ref ${ref}: bundle the document first`);
      let target: unknown = doc;
      for (const t of ref.slice(2).split('/')) target = isObj(target) ? target[unpointerToken(t)] : undefined;
      if (target === undefined) throw new Error(`Dangling $ref ${ref}`);
      cur = target;
    }
    return cur;
  };
  const operations = new Map<string, OperationView>();
  for (const [path, rawItem] of Object.entries((doc.paths ?? {}) as Json)) {
    const item = resolve(rawItem);
    if (!isObj(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters.map(resolve).filter(isObj) : [];
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObj(op)) continue;
      const own = Array.isArray(op.parameters) ? op.parameters.map(resolve).filter(isObj) : [];
      const byName = new Map<string, Json>();
      for (const p of [...shared, ...own]) byName.set(paramKey(p, path), p);
      const key = operationKey(method, path);
      const id = String(op['x-seed-operation-id'] ?? op['x-contract-operation-id'] ?? op.operationId ?? key);
      operations.set(key, { key, id, method, path, op, params: [...byName.values()] });
    }
  }
  const view: DocView = { doc, operations, resolve };
  views.set(doc, view);
  return view;
}

/**
 * Matching key of a parameter: `in:name`, except path parameters, which are matched by position
 * (`path:#0`) because a renamed path template variable is the same parameter.
 */
export function paramKey(param: Json, path: string): string {
  if (param.in === 'path') {
    const names = [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
    const i = names.indexOf(String(param.name));
    return `path:#${i >= 0 ? i : String(param.name)}`;
  }
  const name = param.in === 'header' ? String(param.name).toLowerCase() : String(param.name);
  return `${String(param.in)}:${name}`;
}

/** The normalised path of an operation view (for messages). */
export function displayPath(op: OperationView): string {
  return `${op.method.toUpperCase()} ${op.path}`;
}
