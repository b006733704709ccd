import type { Json } from './types.js';
import { isObj } from './view.js';

/** What `inlineSchemas` produced. */
export interface InlineResult {
  /** The copy of the document with every schema inlined (no schema `$ref` left). */
  doc: Json;
  /** How many `$ref`s were replaced by `{}` because they were deeper than the limit (or recursive). */
  truncated: number;
}

const SCHEMA_REF = '#/components/schemas/';

/**
 * Returns a copy of the document whose schemas are inlined as trees, following at most `maxRefDepth`
 * nested schema `$ref`s (a deeper or recursive one becomes `{}`, any value), and whose component schemas
 * are dropped. Tools that cannot follow recursive or heavily shared schemas (openapi-diff's
 * json-schema-diff) can then read the document; both sides of a comparison must use the same limit.
 */
export function inlineSchemas(doc: Json, maxRefDepth: number): InlineResult {
  const schemas = ((doc.components as Json | undefined)?.schemas ?? {}) as Json;
  let truncated = 0;
  const inline = (node: unknown, depth: number, stack: string[]): unknown => {
    if (Array.isArray(node)) return node.map((n) => inline(n, depth, stack));
    if (!isObj(node)) return node;
    if (typeof node.$ref === 'string' && node.$ref.startsWith(SCHEMA_REF)) {
      const name = node.$ref.slice(SCHEMA_REF.length);
      if (depth >= maxRefDepth || stack.includes(name) || !(name in schemas)) {
        truncated++;
        return {};
      }
      return inline(schemas[name], depth + 1, [...stack, name]);
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inline(v, depth, stack)]));
  };
  const components = { ...((doc.components as Json | undefined) ?? {}) };
  delete components.schemas;
  const inlined = inline({ ...doc, components }, 0, []) as Json;
  return { doc: inlined, truncated };
}
