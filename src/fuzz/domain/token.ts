/** Distinctive tokens for "a unique token of a created asset finds it" properties. */
import fc, { type Arbitrary } from 'fast-check';
import { HarnessError } from '../../core/errors.js';

const DIGITS = '0123456789'.split('');
const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz'.split('');

/** Options of `uniqueToken`. */
export interface UniqueTokenOptions {
  /** Leading letters (default `zq`: no English word starts so, and none has `zq` then a digit). */
  prefix?: string;
  /** Characters after the prefix (default 12: 36^11 values, collisions are negligible). */
  length?: number;
}

/**
 * Lower-case alphanumeric tokens `zq` + a digit + base36: one word for any tokenizer, never found in
 * natural text. They do not shrink: shrunk tokens would converge (`zq000…`) and collide with tokens of
 * earlier runs still stored on the target, which is the one thing they must never do.
 */
export function uniqueToken(options: UniqueTokenOptions = {}): Arbitrary<string> {
  const prefix = options.prefix ?? 'zq';
  const length = options.length ?? 12;
  if (!/^[a-z]+$/.test(prefix) || length < 6)
    throw new HarnessError('usage', 'uniqueToken: prefix must be lower-case letters and length at least 6');
  const rest = fc.string({ unit: fc.constantFrom(...BASE36), minLength: length - 1, maxLength: length - 1 });
  // No bias either: biased runs favour the first characters and would make collisions likely.
  return fc.noShrink(fc.noBias(fc.tuple(fc.constantFrom(...DIGITS), rest).map(([d, r]) => `${prefix}${d}${r}`)));
}
