/** The converter's walking context: resolved options, where we are in the value and in the schema. */
import type { Arbitrary } from 'fast-check';
import type { Direction, SchemaArbitraryOptions, StringSource } from '../types.js';

/** Options with defaults filled in. */
export interface ResolvedOptions {
  direction?: Direction;
  maxDepth: number;
  maxArrayLength: number;
  maxStringLength: number;
  strings?: StringSource;
  extraProperties: boolean;
  overrides: ReadonlyMap<string, Arbitrary<unknown>>;
  omit: ReadonlySet<string>;
}

/** Where the converter is: dotted value path, schema JSON pointer and depth (path length). */
export interface Ctx {
  opts: ResolvedOptions;
  /** Dotted value path: `asset.format`, `iterable[]`; `''` at the root. */
  path: string;
  /** JSON pointer of the schema being converted, for error messages. */
  loc: string;
  depth: number;
}

/** Defaults are small on purpose: values stay readable and the property suite stays fast. */
export function resolveOptions(o: SchemaArbitraryOptions = {}): ResolvedOptions {
  return {
    direction: o.direction,
    maxDepth: o.maxDepth ?? 4,
    maxArrayLength: o.maxArrayLength ?? 3,
    maxStringLength: o.maxStringLength ?? 24,
    strings: o.strings,
    extraProperties: o.extraProperties ?? false,
    overrides: new Map(Object.entries(o.overrides ?? {})),
    omit: new Set(o.omit ?? []),
  };
}

/** The context of a property of the current object. */
export function propertyCtx(ctx: Ctx, key: string, loc: string): Ctx {
  return { ...ctx, path: ctx.path === '' ? key : `${ctx.path}.${key}`, loc, depth: ctx.depth + 1 };
}

/** The context of an item of the current array. */
export function itemCtx(ctx: Ctx, loc: string): Ctx {
  return { ...ctx, path: `${ctx.path}[]`, loc, depth: ctx.depth + 1 };
}

/** True past maxDepth: only what the schema requires is generated there. */
export function beyondDepth(ctx: Ctx): boolean {
  return ctx.depth >= ctx.opts.maxDepth;
}
