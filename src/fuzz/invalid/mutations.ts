/**
 * Every way to break one node of a valid value, found by walking the value alongside its schema.
 * The walk is a heuristic (it does not know which anyOf branch a value took); `invalidVariant` keeps
 * only mutations the caller's validator really rejects.
 */
import type { JsonSchema, Mutation, MutationKind } from '../types.js';
import { resolveSchema, typeList } from '../schema/merge.js';
import { inferTypes } from '../schema/compile.js';
import { jsonType } from '../schema/json.js';
import { BROKEN_FORMATS, brokenPattern, changedConst, inventedEnumValue, wrongType } from './breakers.js';
import { applyEdit, toDotted, toPointer, type Edit, type Segments } from './pointer.js';

/** One candidate mutation of a value: what it breaks, and the broken copy on demand. */
export interface CandidateMutation {
  mutation: Mutation;
  /** Identity that stays the same while unrelated parts of the value change (kind, path, rank). */
  key: string;
  apply: () => unknown;
}

type Add = (kind: MutationKind, segments: Segments, description: string, edit: Edit) => void;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => JSON.stringify(v);

function branchesOf(s: JsonSchema): JsonSchema[] {
  return (s.anyOf ?? s.oneOf ?? []) as JsonSchema[];
}

/** Declared types of the node; for branching schemas without their own type, the branches' types. */
function typesOf(s: JsonSchema): string[] | undefined {
  const own = typeList(s) ?? inferTypes(s);
  if (own) return own;
  const branches = branchesOf(s);
  if (branches.length === 0) return undefined;
  const all = branches.map((b) => typeList(b) ?? inferTypes(b));
  return all.every(Boolean) ? [...new Set(all.flat() as string[])] : undefined;
}

/** Properties of the parent and of every branch (the contract defines them at the parent level). */
function propertiesOf(s: JsonSchema): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const b of branchesOf(s)) Object.assign(out, b.properties ?? {});
  return Object.assign(out, s.properties ?? {});
}

function scalarMutations(s: JsonSchema, v: unknown, at: Segments, add: Add): void {
  const where = toDotted(at);
  const types = typesOf(s);
  if (types) {
    const wrong = wrongType(v, types, s.nullable === true);
    if (wrong)
      add('type-changed', at, `type changed from ${jsonType(v)} to ${wrong.type} at ${where}`, {
        op: 'set',
        value: wrong.value,
      });
    if (types.length === 1 && types[0] === 'integer' && typeof v === 'number') {
      add('type-changed', at, `integer changed to the fraction ${v + 0.5} at ${where}`, { op: 'set', value: v + 0.5 });
    }
  }
  if (Array.isArray(s.enum)) {
    const invented = inventedEnumValue(s.enum);
    add('enum-invented', at, `enum value ${show(invented)} invented at ${where}`, { op: 'set', value: invented });
  }
  if ('const' in s)
    add('const-changed', at, `const ${show(s.const)} changed at ${where}`, { op: 'set', value: changedConst(s.const) });
  if (typeof s.format === 'string' && s.format in BROKEN_FORMATS && !(s.format === 'int32' && typeof v !== 'number')) {
    add('format-broken', at, `format ${s.format} broken at ${where}: ${show(BROKEN_FORMATS[s.format])}`, {
      op: 'set',
      value: BROKEN_FORMATS[s.format],
    });
  }
  if (typeof s.pattern === 'string' && typeof v === 'string') {
    const broken = brokenPattern(s.pattern, v);
    if (broken !== undefined)
      add('pattern-broken', at, `pattern ${s.pattern} broken at ${where}: ${show(broken)}`, {
        op: 'set',
        value: broken,
      });
  }
  boundMutations(s, v, at, add);
}

function boundMutations(s: JsonSchema, v: unknown, at: Segments, add: Add): void {
  const where = toDotted(at);
  const set = (d: string, value: unknown) => add('bound-broken', at, `${d} at ${where}`, { op: 'set', value });
  if (typeof v === 'number') {
    if (typeof s.minimum === 'number') set(`below minimum ${s.minimum}`, s.minimum - 1);
    if (typeof s.exclusiveMinimum === 'number') set(`at exclusiveMinimum ${s.exclusiveMinimum}`, s.exclusiveMinimum);
    if (typeof s.maximum === 'number') set(`above maximum ${s.maximum}`, s.maximum + 1);
    if (typeof s.exclusiveMaximum === 'number') set(`at exclusiveMaximum ${s.exclusiveMaximum}`, s.exclusiveMaximum);
  }
  if (typeof v === 'string') {
    if (typeof s.minLength === 'number' && s.minLength > 0)
      set(`shorter than minLength ${s.minLength}`, [...v].slice(0, s.minLength - 1).join(''));
    if (typeof s.maxLength === 'number') set(`longer than maxLength ${s.maxLength}`, 'x'.repeat(s.maxLength + 1));
  }
  if (Array.isArray(v)) {
    if (typeof s.minItems === 'number' && s.minItems > 0)
      set(`fewer than minItems ${s.minItems}`, v.slice(0, s.minItems - 1));
    if (typeof s.maxItems === 'number' && v.length > 0)
      set(
        `more than maxItems ${s.maxItems}`,
        Array.from({ length: s.maxItems + 1 }, (_, i) => v[i % v.length]),
      );
    if (s.uniqueItems === true && v.length > 0) set('a duplicate item against uniqueItems', [...v, v[0]]);
  }
}

function objectMutations(s: JsonSchema, v: Record<string, unknown>, at: Segments, add: Add): void {
  const where = toDotted(at);
  for (const key of (s.required ?? []) as string[]) {
    if (key in v)
      add('required-dropped', [...at, key], `required property "${key}" dropped from ${where}`, { op: 'delete' });
  }
  const branches = branchesOf(s);
  const parentRequired = new Set<string>(s.required ?? []);
  const branchKeys = [...new Set(branches.flatMap((b) => (b.required ?? []) as string[]))].filter(
    (k) => !parentRequired.has(k),
  );
  if (branches.length > 0 && branchKeys.some((k) => k in v)) {
    const sets = branches.map((b) => `[${(b.required ?? []).join(', ')}]`).join(' | ');
    add(
      'anyOf-unsatisfied',
      at,
      `none of the ${s.anyOf ? 'anyOf' : 'oneOf'} required sets ${sets} is left at ${where}`,
      { op: 'deleteKeys', keys: branchKeys },
    );
  }
  if (s.additionalProperties === false) {
    add('additional-property', at, `undeclared property "x_unexpected" added to ${where}`, {
      op: 'set',
      value: { ...v, x_unexpected: true },
    });
  }
}

function walk(raw: JsonSchema, v: unknown, at: Segments, add: Add): void {
  let s: JsonSchema;
  try {
    s = resolveSchema(raw, '#');
  } catch {
    return;
  }
  scalarMutations(s, v, at, add);
  if (isObject(v)) {
    objectMutations(s, v, at, add);
    const props = propertiesOf(s);
    const extra = typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined;
    for (const [key, child] of Object.entries(v)) {
      const sub = props[key] ?? extra;
      if (sub) walk(sub, child, [...at, key], add);
    }
  } else if (Array.isArray(v) && s.items && typeof s.items === 'object') {
    v.forEach((item, i) => walk(s.items, item, [...at, i], add));
  }
}

/** Every candidate mutation of `value` under `schema`, optionally only of the given kinds. */
export function listMutations(
  schema: JsonSchema,
  value: unknown,
  kinds?: readonly MutationKind[],
): CandidateMutation[] {
  const out: CandidateMutation[] = [];
  const seen = new Map<string, number>();
  const add: Add = (kind, segments, description, edit) => {
    if (kinds && !kinds.includes(kind)) return;
    const path = toPointer(kind === 'required-dropped' ? segments.slice(0, -1) : segments);
    const base = `${kind}|${toPointer(segments)}`;
    const rank = seen.get(base) ?? 0;
    seen.set(base, rank + 1);
    out.push({
      mutation: { kind, path, description },
      key: `${base}|${rank}`,
      apply: () => applyEdit(value, segments, edit),
    });
  };
  walk(schema, value, [], add);
  return out;
}
