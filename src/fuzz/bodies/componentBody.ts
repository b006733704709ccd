/** The body helpers' common ground: their options, and a valid body of one component schema. */
import type { Arbitrary } from 'fast-check';
import { schemaArbitrary } from '../schemaArbitrary.js';
import type { JsonSchema } from '../types.js';
import { componentSchema, type OpenApiDocument } from './contractSchemas.js';

/** Options shared by the body helpers. */
export interface BodyOptions {
  /** The dereferenced contract the schemas are taken from. */
  spec: OpenApiDocument;
  /** Extra overrides by dotted path, applied over the helper's own. */
  overrides?: Readonly<Record<string, Arbitrary<unknown>>>;
  /** Dotted paths to leave out; replaces the helper's default list. */
  omit?: readonly string[];
  /** Converter maxDepth (default 4). */
  maxDepth?: number;
}

/**
 * Valid request bodies of `#/components/schemas/<name>` (or of `own.schema`, a tightened copy of
 * it): the helper's own overrides under the caller's, the caller's omit list instead of the helper's.
 */
export function componentBody(
  options: BodyOptions,
  name: string,
  own: { schema?: JsonSchema; overrides?: Record<string, Arbitrary<unknown>>; omit?: readonly string[] } = {},
): Arbitrary<Record<string, any>> {
  return schemaArbitrary(own.schema ?? componentSchema(options.spec, name), {
    direction: 'request',
    maxDepth: options.maxDepth ?? 4,
    location: `#/components/schemas/${name}`,
    overrides: { ...own.overrides, ...options.overrides },
    omit: options.omit ?? own.omit,
  }) as Arbitrary<Record<string, any>>;
}
