/** Invalid variants of valid values, for negative properties ("any invalid body → 4xx"). */
import fc, { type Arbitrary } from 'fast-check';
import { HarnessError } from '../../core/errors.js';
import type { InvalidVariant, JsonSchema, MutationKind } from '../types.js';
import { listMutations } from './mutations.js';

/** Options of `invalidVariant`. */
export interface InvalidVariantOptions {
  /** Only these kinds of mutation (default: all). */
  kinds?: readonly MutationKind[];
}

// After this many valid values in a row with no mutation the validator rejects, the generator stops
// with an error instead of spinning: the validator and the schema most likely disagree.
const MAX_MISSES = 500;

/** 32-bit FNV-1a hash of a string. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * An arbitrary of invalid values derived from `validArb`'s values, each with the mutation that broke
 * it. Only values `validate` rejects are produced, so the caller decides what "invalid" means (build
 * `validate` from the same schema, e.g. with Ajv). Both the valid value and the choice of mutation shrink.
 * The mutation is chosen by rendezvous hashing (highest hash of seed + mutation key), so while the
 * valid value shrinks the same mutation stays chosen as long as it still exists.
 */
export function invalidVariant(
  schema: JsonSchema,
  validArb: Arbitrary<unknown>,
  validate: (value: unknown) => boolean,
  options: InvalidVariantOptions = {},
): Arbitrary<InvalidVariant> {
  let misses = 0;
  const pick = (value: unknown, seed: number): InvalidVariant | undefined => {
    const candidates = listMutations(schema, value, options.kinds)
      .map((c) => ({ c, score: fnv1a(`${seed}|${c.key}`) }))
      .sort((a, b) => b.score - a.score);
    for (const { c } of candidates) {
      const broken = c.apply();
      if (!validate(broken)) {
        misses = 0;
        return { value: broken, mutation: c.mutation };
      }
    }
    if (++misses > MAX_MISSES) {
      throw new HarnessError(
        'usage',
        `invalidVariant: no mutation${options.kinds ? ` of kinds ${options.kinds.join(', ')}` : ''} of ${MAX_MISSES} generated values was rejected by validate`,
        'build validate from the same schema, or allow more mutation kinds',
      );
    }
    return undefined;
  };
  return fc
    .tuple(validArb, fc.nat())
    .map(([value, seed]) => pick(value, seed))
    .filter((v): v is InvalidVariant => v !== undefined);
}
