/**
 * Schema algebra for the converter: `allOf` is flattened into its parent, and `anyOf`/`oneOf` branches
 * are merged with the parent so that each branch is one self-contained schema to generate from.
 * The contract puts properties at the parent and only `required` in the branches
 * (`anyOf: [{required: [fragment]}, {required: [file]}]`), so branches alone would be meaningless.
 */
import { UnsatisfiableSchemaError, type JsonSchema } from '../types.js';
import { jsonEqual } from './json.js';

/** Internal key: extra regexes a string must match when merged schemas each had a `pattern`. */
export const EXTRA_PATTERNS = 'x-fuzz-patterns';
/** Internal key: properties a `oneOf` branch must not carry, so that it matches that branch only. */
export const FORBIDDEN_KEYS = 'x-fuzz-forbidden';

const LOWER = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'] as const;
const UPPER = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'] as const;

/** The schema's `type` as a list (undefined when the schema does not restrict it). */
export function typeList(schema: JsonSchema): string[] | undefined {
  if (schema.type === undefined) return undefined;
  return Array.isArray(schema.type) ? [...schema.type] : [schema.type];
}

// OpenAPI 3.0 writes exclusive bounds as booleans next to minimum/maximum; JSON Schema (and the rest
// of this module) uses the numeric form, so booleans are rewritten once, up front.
function numericExclusives(schema: JsonSchema): JsonSchema {
  if (typeof schema.exclusiveMinimum !== 'boolean' && typeof schema.exclusiveMaximum !== 'boolean') return schema;
  const out = { ...schema };
  if (typeof out.exclusiveMinimum === 'boolean') {
    if (out.exclusiveMinimum && out.minimum !== undefined) {
      out.exclusiveMinimum = out.minimum;
      delete out.minimum;
    } else delete out.exclusiveMinimum;
  }
  if (typeof out.exclusiveMaximum === 'boolean') {
    if (out.exclusiveMaximum && out.maximum !== undefined) {
      out.exclusiveMaximum = out.maximum;
      delete out.maximum;
    } else delete out.exclusiveMaximum;
  }
  return out;
}

function intersectTypes(a: string[], b: string[]): string[] {
  const out: string[] = [];
  for (const t of a) {
    if (b.includes(t)) out.push(t);
    else if (t === 'integer' && b.includes('number')) out.push('integer');
    else if (t === 'number' && b.includes('integer')) out.push('integer');
  }
  return [...new Set(out)];
}

function mergeProperties(a: JsonSchema, b: JsonSchema, loc: string): Record<string, JsonSchema> | undefined {
  if (!a.properties && !b.properties) return undefined;
  const out: Record<string, JsonSchema> = { ...(a.properties ?? {}) };
  for (const [k, v] of Object.entries<JsonSchema>(b.properties ?? {})) {
    out[k] = out[k] ? mergeSchemas(out[k], v, `${loc}/properties/${k}`) : v;
  }
  return out;
}

// (A1 ∨ A2) ∧ (B1 ∨ B2) = ∨ (Ai ∧ Bj): merging two schemas that both branch multiplies the branches.
function crossBranches(a: JsonSchema[], b: JsonSchema[], loc: string): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const x of a)
    for (const y of b) {
      try {
        out.push(mergeSchemas(x, y, loc));
      } catch (err) {
        if (!(err instanceof UnsatisfiableSchemaError)) throw err;
      }
    }
  if (out.length === 0) throw new UnsatisfiableSchemaError(loc, 'no pair of anyOf/oneOf branches can hold together');
  return out;
}

/** Both schemas at once (an `allOf` of two); throws UnsatisfiableSchemaError when they contradict. */
function mergeSchemas(left: JsonSchema, right: JsonSchema, loc: string): JsonSchema {
  const a = numericExclusives(left);
  const b = numericExclusives(right);
  const out: JsonSchema = { ...b, ...a };
  const ta = typeList(a),
    tb = typeList(b);
  if (ta && tb) {
    const t = intersectTypes(ta, tb);
    if (t.length === 0)
      throw new UnsatisfiableSchemaError(loc, `types ${ta.join('|')} and ${tb.join('|')} do not overlap`);
    out.type = t.length === 1 ? t[0] : t;
  }
  if (a.enum && b.enum) {
    const e = a.enum.filter((x: unknown) => b.enum.some((y: unknown) => jsonEqual(x, y)));
    if (e.length === 0) throw new UnsatisfiableSchemaError(loc, 'enums do not overlap');
    out.enum = e;
  }
  if ('const' in a && 'const' in b && !jsonEqual(a.const, b.const))
    throw new UnsatisfiableSchemaError(loc, 'two different consts');
  for (const k of LOWER) if (a[k] !== undefined && b[k] !== undefined) out[k] = Math.max(a[k], b[k]);
  for (const k of UPPER) if (a[k] !== undefined && b[k] !== undefined) out[k] = Math.min(a[k], b[k]);
  if (a.format && b.format && a.format !== b.format)
    throw new UnsatisfiableSchemaError(loc, `formats ${a.format} and ${b.format} conflict`);
  if (a.pattern && b.pattern && a.pattern !== b.pattern)
    out[EXTRA_PATTERNS] = [...(a[EXTRA_PATTERNS] ?? []), b.pattern, ...(b[EXTRA_PATTERNS] ?? [])];
  const props = mergeProperties(a, b, loc);
  if (props) out.properties = props;
  if (a.required || b.required) out.required = [...new Set([...(a.required ?? []), ...(b.required ?? [])])];
  if (a.items && b.items) out.items = mergeSchemas(a.items, b.items, `${loc}/items`);
  if (a.additionalProperties === false || b.additionalProperties === false) out.additionalProperties = false;
  else if (typeof a.additionalProperties === 'object' && typeof b.additionalProperties === 'object') {
    out.additionalProperties = mergeSchemas(
      a.additionalProperties,
      b.additionalProperties,
      `${loc}/additionalProperties`,
    );
  }
  // nullable only widens the schema it sits in: null passes an allOf only when every part allows it.
  if (a.nullable !== undefined || b.nullable !== undefined) out.nullable = a.nullable === true && b.nullable === true;
  if (a.readOnly || b.readOnly) out.readOnly = true;
  if (a.writeOnly || b.writeOnly) out.writeOnly = true;
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (a[key] && b[key]) out[key] = crossBranches(a[key], b[key], `${loc}/${key}`);
  }
  return out;
}

/** The schema with `allOf` merged in and exclusive bounds in numeric form (branches left in place). */
export function resolveSchema(schema: JsonSchema, loc: string): JsonSchema {
  let out = numericExclusives(schema);
  if (Array.isArray(out.allOf)) {
    const { allOf, ...rest } = out;
    out = rest;
    allOf.forEach((member: JsonSchema, i: number) => {
      out = mergeSchemas(out, resolveSchema(member, `${loc}/allOf/${i}`), `${loc}/allOf/${i}`);
    });
  }
  return out;
}

/** The keys `required` by a branch on its own. */
function branchRequired(branch: JsonSchema): string[] {
  return Array.isArray(branch.required) ? branch.required : [];
}

/**
 * Each `anyOf`/`oneOf` branch merged with the parent (the branch keyword removed), with its location.
 * Branches that contradict the parent are dropped; none left is an UnsatisfiableSchemaError.
 * For `oneOf`, keys required only by other branches are forbidden, so a value built from one branch
 * does not also satisfy another (best effort: it cannot help when one branch contains another).
 */
export function expandBranches(schema: JsonSchema, loc: string): { schema: JsonSchema; location: string }[] {
  const key = schema.anyOf ? 'anyOf' : schema.oneOf ? 'oneOf' : undefined;
  if (!key) return [{ schema, location: loc }];
  const { [key]: branches, ...parent } = schema;
  const out: { schema: JsonSchema; location: string }[] = [];
  const reasons: string[] = [];
  (branches as JsonSchema[]).forEach((raw, i) => {
    const location = `${loc}/${key}/${i}`;
    try {
      const merged = mergeSchemas(parent, resolveSchema(raw, location), location);
      if (key === 'oneOf') {
        const own = new Set([...(merged.required ?? [])]);
        const others = (branches as JsonSchema[]).flatMap((b, j) => (j === i ? [] : branchRequired(b)));
        const forbidden = [...new Set(others.filter((k) => !own.has(k)))];
        if (forbidden.length > 0) merged[FORBIDDEN_KEYS] = forbidden;
      }
      out.push({ schema: merged, location });
    } catch (err) {
      if (!(err instanceof UnsatisfiableSchemaError)) throw err;
      reasons.push(err.message);
    }
  });
  if (out.length === 0)
    throw new UnsatisfiableSchemaError(`${loc}/${key}`, `no branch is satisfiable (${reasons.join('; ')})`);
  return out;
}
