import { STATUS_CODES } from 'node:http';

/** A plain JSON-like object, as parsed from YAML. */
export type Json = Record<string, unknown>;

// Prose and tool annotations; structure (types, formats, enums, required, nullable, defaults) stays.
const PROSE_KEYS = new Set(['description', 'summary', 'title', 'example', 'examples', 'externalDocs']);

/** True for keys the reduction drops wherever they carry prose or tool metadata. */
export function isDroppedKey(key: string): boolean {
  return PROSE_KEYS.has(key) || key.startsWith('x-stoplight');
}

function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stripKeys(node: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) if (!isDroppedKey(k)) out[k] = v;
  return out;
}

/** Strips prose from a Schema Object, recursing only through schema-valued keywords (property names survive). */
export function stripSchema(schema: unknown): unknown {
  if (!isObj(schema) || typeof schema.$ref === 'string') return schema;
  const out = stripKeys(schema);
  if (isObj(out.properties)) {
    const props: Json = {};
    for (const [name, sub] of Object.entries(out.properties)) props[name] = stripSchema(sub);
    out.properties = props;
  }
  for (const k of ['items', 'additionalProperties', 'not']) if (isObj(out[k])) out[k] = stripSchema(out[k]);
  for (const k of ['allOf', 'anyOf', 'oneOf'])
    if (Array.isArray(out[k])) out[k] = (out[k] as unknown[]).map(stripSchema);
  return out;
}

function stripMediaMap(content: unknown): unknown {
  if (!isObj(content)) return content;
  const out: Json = {};
  for (const [type, media] of Object.entries(content)) {
    if (!isObj(media)) {
      out[type] = media;
      continue;
    }
    const m = stripKeys(media);
    if (m.schema !== undefined) m.schema = stripSchema(m.schema);
    out[type] = m;
  }
  return out;
}

/** Strips prose from a Parameter Object (or leaves a $ref). */
export function stripParameter(param: unknown): unknown {
  if (!isObj(param) || typeof param.$ref === 'string') return param;
  const out = stripKeys(param);
  if (out.schema !== undefined) out.schema = stripSchema(out.schema);
  if (out.content !== undefined) out.content = stripMediaMap(out.content);
  return out;
}

/** Strips prose from a Request Body Object. */
export function stripRequestBody(body: unknown): unknown {
  if (!isObj(body) || typeof body.$ref === 'string') return body;
  const out = stripKeys(body);
  if (out.content !== undefined) out.content = stripMediaMap(out.content);
  return out;
}

/** Strips prose from a Response Object; `description` is required there, so it becomes the HTTP reason phrase. */
export function stripResponse(response: unknown, status: string): unknown {
  if (!isObj(response) || typeof response.$ref === 'string') return response;
  const out: Json = { description: STATUS_CODES[Number(status)] ?? '' };
  Object.assign(out, stripKeys(response));
  if (out.content !== undefined) out.content = stripMediaMap(out.content);
  if (isObj(out.headers)) {
    const headers: Json = {};
    for (const [name, h] of Object.entries(out.headers)) headers[name] = stripParameter(h);
    out.headers = headers;
  }
  return out;
}

/** Strips prose from an Operation Object, keeping its parameters, body, responses, tags and flags. */
export function stripOperation(op: Json): Json {
  const out = stripKeys(op);
  if (Array.isArray(out.parameters)) out.parameters = out.parameters.map(stripParameter);
  if (out.requestBody !== undefined) out.requestBody = stripRequestBody(out.requestBody);
  if (isObj(out.responses)) {
    const responses: Json = {};
    for (const [status, r] of Object.entries(out.responses)) responses[status] = stripResponse(r, status);
    out.responses = responses;
  }
  return out;
}

/** Strips prose from a Security Scheme Object. */
export function stripSecurityScheme(scheme: unknown): unknown {
  return isObj(scheme) ? stripKeys(scheme) : scheme;
}
