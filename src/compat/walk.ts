import { matchOperations } from './match.js';
import { pointerToken } from './paths.js';
import type { Change, Json } from './types.js';
import { isObj, type DocView, type OperationView } from './view.js';

/** Which way a schema travels: clients send requests and read responses. */
export type Direction = 'request' | 'response';

/** A pair of body schemas at the same place in two versions of one operation. */
export interface BodySite {
  /** The operation in the old version. */
  old: OperationView;
  /** The operation in the new version. */
  new: OperationView;
  /** Pointer to the schema inside the operation, e.g. `/responses/200/content/application~1json/schema`. */
  base: string;
  /** Readable place, e.g. `response 200 application/json`. */
  label: string;
  /** Old schema (unresolved). */
  oldSchema: unknown;
  /** New schema (unresolved). */
  newSchema: unknown;
}

/** One pair of corresponding schema nodes met while walking two body schemas. */
export interface NodePair {
  /** Old schema node, resolved, `allOf` merged. */
  old: Json;
  /** New schema node, resolved, `allOf` merged. */
  new: Json;
  /** Pointer of the node inside the operation. */
  pointer: string;
  /** Readable property path (`results.iterable[].id`), empty at the body root. */
  path: string;
  /** Name of the (new, else old) component schema the node belongs to, when it came through a `$ref`. */
  schema?: string;
}

const merged = new WeakMap<Json, Json>();

/** Resolves `$ref`s and merges `allOf` parts (properties, required, type) into one schema node. */
export function effective(view: DocView, schema: unknown): Json {
  const s = view.resolve(schema);
  if (!isObj(s)) return {};
  if (!Array.isArray(s.allOf)) return s;
  const hit = merged.get(s);
  if (hit) return hit;
  const out: Json = {
    ...s,
    properties: { ...((s.properties as Json) ?? {}) },
    required: [...((s.required as string[]) ?? [])],
  };
  delete out.allOf;
  merged.set(s, out);
  for (const part of s.allOf) {
    const p = effective(view, part);
    Object.assign(out.properties as Json, (p.properties as Json) ?? {});
    (out.required as string[]).push(...((p.required as string[]) ?? []));
    if (out.type === undefined && p.type !== undefined) out.type = p.type;
    if (out.enum === undefined && p.enum !== undefined) out.enum = p.enum;
  }
  return out;
}

/** The JSON type of a schema node, inferred from its keywords when `type` is absent. */
export function schemaType(s: Json): string | undefined {
  if (typeof s.type === 'string') return s.type;
  if (isObj(s.properties) || s.additionalProperties !== undefined) return 'object';
  if (s.items !== undefined) return 'array';
  return undefined;
}

/** The enum values of a schema node as JSON strings, or undefined when it has no enum. */
export function enumValues(s: Json): string[] | undefined {
  return Array.isArray(s.enum) ? s.enum.map((v) => JSON.stringify(v)) : undefined;
}

/** The property names a schema node requires. */
export function requiredOf(s: Json): Set<string> {
  return new Set(Array.isArray(s.required) ? s.required.map(String) : []);
}

/** Readable name of a property path, `(body)` at the root. */
export function showPath(path: string): string {
  return path === '' ? '(body)' : path;
}

/** Message suffix naming the component schema of a node, e.g. ` (schema Asset)`. */
export function inSchema(node: { schema?: string }): string {
  return node.schema ? ` (schema ${node.schema})` : '';
}

/** Joins a property path and a child segment. */
export function childPath(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

/** Lists the request-body or response-body schema pairs of every matched operation (same status, same media type). */
export function bodySites(oldDoc: DocView, newDoc: DocView, direction: Direction): BodySite[] {
  const out: BodySite[] = [];
  for (const pair of matchOperations(oldDoc, newDoc).pairs) {
    const media = (o: unknown, n: unknown, base: string, label: string): void => {
      const oc = isObj(o) && isObj(o.content) ? o.content : {};
      const nc = isObj(n) && isObj(n.content) ? n.content : {};
      for (const [type, om] of Object.entries(oc)) {
        const nm = nc[type];
        if (!isObj(om) || !isObj(nm) || om.schema === undefined || nm.schema === undefined) continue;
        out.push({
          old: pair.old,
          new: pair.new,
          base: `${base}/content/${pointerToken(type)}/schema`,
          label: `${label} ${type}`,
          oldSchema: om.schema,
          newSchema: nm.schema,
        });
      }
    };
    if (direction === 'request') {
      media(
        oldDoc.resolve(pair.old.op.requestBody),
        newDoc.resolve(pair.new.op.requestBody),
        '/requestBody',
        'request body',
      );
      continue;
    }
    const or = isObj(pair.old.op.responses) ? pair.old.op.responses : {};
    const nr = isObj(pair.new.op.responses) ? pair.new.op.responses : {};
    for (const status of Object.keys(or)) {
      if (!(status in nr)) continue;
      media(
        oldDoc.resolve(or[status]),
        newDoc.resolve(nr[status]),
        `/responses/${pointerToken(status)}`,
        `response ${status}`,
      );
    }
  }
  return out;
}

/** Name of the component a `$ref` points to (`#/components/schemas/Asset` gives `Asset`). */
function refName(node: unknown): string | undefined {
  return isObj(node) && typeof node.$ref === 'string' ? node.$ref.slice(node.$ref.lastIndexOf('/') + 1) : undefined;
}

/**
 * Walks two schemas together (properties by name, `items`, `additionalProperties`), breadth first so each
 * pair is met at its shortest path, calling `visit` once per corresponding node pair. Each pair of schema
 * objects is visited once, which also stops recursive schemas.
 */
export function walkSchemaPair(
  oldDoc: DocView,
  newDoc: DocView,
  site: BodySite,
  visit: (node: NodePair) => void,
): void {
  const seen = new WeakMap<Json, WeakSet<Json>>();
  type Item = { o: unknown; n: unknown; pointer: string; path: string; schema?: string };
  const queue: Item[] = [
    { o: site.oldSchema, n: site.newSchema, pointer: site.base, path: '', schema: refName(site.newSchema) },
  ];
  for (let i = 0; i < queue.length; i++) {
    const { o, n, pointer, path, schema } = queue[i];
    const oe = effective(oldDoc, o);
    const ne = effective(newDoc, n);
    const set = seen.get(oe) ?? new WeakSet<Json>();
    if (set.has(ne)) continue;
    set.add(ne);
    seen.set(oe, set);
    visit({ old: oe, new: ne, pointer, path, ...(schema ? { schema } : {}) });
    const push = (os: unknown, ns: unknown, ptr: string, p: string): void => {
      queue.push({ o: os, n: ns, pointer: ptr, path: p, schema: refName(ns) ?? refName(os) ?? schema });
    };
    if (isObj(oe.properties) && isObj(ne.properties)) {
      for (const [name, sub] of Object.entries(oe.properties)) {
        if (name in ne.properties)
          push(sub, ne.properties[name], `${pointer}/properties/${pointerToken(name)}`, childPath(path, name));
      }
    }
    if (oe.items !== undefined && ne.items !== undefined) push(oe.items, ne.items, `${pointer}/items`, `${path}[]`);
    if (isObj(oe.additionalProperties) && isObj(ne.additionalProperties)) {
      push(oe.additionalProperties, ne.additionalProperties, `${pointer}/additionalProperties`, `${path}{}`);
    }
  }
}

/** Walks every body site of one direction and collects the changes `visit` finds, naming the component schema. */
export function collectNodes(
  oldDoc: DocView,
  newDoc: DocView,
  direction: Direction,
  visit: (node: NodePair, site: BodySite) => Change[],
): Change[] {
  const out: Change[] = [];
  for (const site of bodySites(oldDoc, newDoc, direction)) {
    walkSchemaPair(oldDoc, newDoc, site, (node) => {
      for (const c of visit(node, site)) out.push({ ...c, message: c.message + inSchema(node) });
    });
  }
  return out;
}
