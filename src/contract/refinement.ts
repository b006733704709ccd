/**
 * Is one contract a compatible refinement of another? Every path, method, operationId,
 * parameter, status and schema property of the base must still be in the refined document, with a
 * compatible type. What a refinement may do: add operations, statuses, media types, properties,
 * `required`, formats, enums, patterns and descriptions; give a bare `type: object` its structure;
 * give a body-less response a body.
 */
import type { LoadedSpec, Operation, Schema } from './types.js';

/** One way the refined contract fails to keep something of the base. */
export interface RefinementProblem {
  where: string;
  problem: string;
}

/** The JSON types a schema admits (an untyped schema admits every type). */
function typesOf(s: Schema | undefined): Set<string> | undefined {
  if (!s) return undefined;
  if (Array.isArray(s.type)) return new Set(s.type);
  if (typeof s.type === 'string') return new Set(s.nullable ? [s.type, 'null'] : [s.type]);
  return undefined;
}

/** Compares two schemas structurally; `seen` guards against cycles. */
function compareSchemas(
  base: Schema | undefined,
  refined: Schema | undefined,
  where: string,
  out: RefinementProblem[],
  seen = new Set<Schema>(),
): void {
  if (!base || seen.has(base)) return;
  seen.add(base);
  if (!refined) {
    out.push({ where, problem: 'schema removed' });
    return;
  }
  const bt = typesOf(base);
  const rt = typesOf(refined);
  if (bt && rt) {
    for (const t of rt) {
      // a refined integer where the base said number is narrower, not different
      if (!bt.has(t) && !(t === 'integer' && bt.has('number')))
        out.push({ where, problem: `type ${[...rt].join('|')} is not within the base's ${[...bt].join('|')}` });
    }
  }
  for (const [name, sub] of Object.entries<Schema>(base.properties ?? {})) {
    const target = refined.properties?.[name];
    if (!target) out.push({ where: `${where}.${name}`, problem: 'property removed' });
    else compareSchemas(sub, target, `${where}.${name}`, out, seen);
  }
  if (base.items) compareSchemas(base.items, refined.items, `${where}[]`, out, seen);
}

/** Compares one operation of the base with its twin in the refined contract. */
function compareOperation(base: Operation, refined: Operation, out: RefinementProblem[]): void {
  const at = base.operationId;
  if (refined.method !== base.method || refined.path !== base.path) {
    out.push({ where: at, problem: `moved from ${base.method} ${base.path} to ${refined.method} ${refined.path}` });
  }
  for (const p of base.parameters) {
    const twin = refined.parameters.find((q) => q.in === p.in && q.name === p.name);
    if (!twin) out.push({ where: `${at} ${p.in} parameter ${p.name}`, problem: 'parameter removed' });
    else compareSchemas(p.schema, twin.schema, `${at} ${p.in} parameter ${p.name}`, out);
  }
  for (const [media, schema] of Object.entries(base.requestBody?.content ?? {})) {
    const twin = refined.requestBody?.content[media];
    if (!refined.requestBody || !(media in refined.requestBody.content))
      out.push({ where: `${at} request ${media}`, problem: 'request media type removed' });
    else compareSchemas(schema, twin, `${at} request body`, out);
  }
  for (const [status, res] of Object.entries(base.responses)) {
    const twin = refined.responses[status];
    if (!twin) {
      out.push({ where: `${at} ${status}`, problem: 'status removed' });
      continue;
    }
    for (const [media, schema] of Object.entries(res.content)) {
      if (!(media in twin.content))
        out.push({ where: `${at} ${status} ${media}`, problem: 'response media type removed' });
      else compareSchemas(schema, twin.content[media], `${at} ${status} body`, out);
    }
  }
}

/** Every way `refined` fails to be a compatible refinement of `base` (empty: it is one). */
export function refinementProblems(base: LoadedSpec, refined: LoadedSpec): RefinementProblem[] {
  const out: RefinementProblem[] = [];
  for (const op of base.operations.values()) {
    const twin = refined.operations.get(op.operationId);
    if (!twin) out.push({ where: op.operationId, problem: `operation ${op.method} ${op.path} removed` });
    else compareOperation(op, twin, out);
  }
  const baseTags = new Set((base.document.tags ?? []).map((t: any) => t.name));
  const refinedTags = new Set((refined.document.tags ?? []).map((t: any) => t.name));
  for (const t of baseTags) if (!refinedTags.has(t)) out.push({ where: `tag ${t}`, problem: 'tag removed' });
  for (const name of Object.keys(base.document.components?.schemas ?? {})) {
    const b = base.dereferenced.components.schemas[name];
    const r = refined.dereferenced.components?.schemas?.[name];
    // A seed schema may be renamed in the refinement when every use of it was compared above.
    if (r) compareSchemas(b, r, `components.schemas.${name}`, out);
  }
  return out;
}
