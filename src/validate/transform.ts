/**
 * Schema variants derived from the contract before compiling:
 * - direction: readOnly properties are not required in requests, writeOnly ones not in responses
 *   (OAS 3.0 §4.7.25: "readOnly ... SHOULD NOT be sent as part of the request");
 * - lenient: enums and additionalProperties:false are dropped, so that a target newer than the
 *   contract (new enum values, new fields) passes; required fields and types still count.
 */
export type Direction = 'request' | 'response';

/** What variant of the contract's schemas to compile. */
export interface Variant {
  direction: Direction;
  lenient: boolean;
}

/** A deep copy of a whole document (or schema) with the variant's changes applied. */
export function transformDocument<T>(doc: T, variant: Variant): T {
  const hidden = variant.direction === 'request' ? 'readOnly' : 'writeOnly';
  const walk = (node: any): any => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, any> = {};
    for (const [k, v] of Object.entries(node)) out[k] = walk(v);
    if (out.properties && typeof out.properties === 'object' && Array.isArray(out.required)) {
      out.required = out.required.filter((name: string) => !out.properties[name]?.[hidden]);
    }
    if (variant.lenient) {
      if (Array.isArray(out.enum) && !('$ref' in out)) delete out.enum;
      if (out.additionalProperties === false) delete out.additionalProperties;
    }
    return out;
  };
  return walk(doc);
}
