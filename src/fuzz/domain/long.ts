/** Very long strings up to a byte limit (the server's body limit), to probe size handling. */
import fc, { type Arbitrary } from 'fast-check';
import { HarnessError } from '../../core/errors.js';

/** The default request body limit: 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Options of `longString`. */
export interface LongStringOptions {
  /** Upper bound of the UTF-8 size in bytes (default DEFAULT_BODY_LIMIT). */
  maxBytes?: number;
  /** Lower bound of the UTF-8 size in bytes (default half of maxBytes). */
  minBytes?: number;
}

// Repeated units of 1 to 4 bytes per code point (and a ZWJ sequence). None needs escaping in JSON,
// so the JSON text of the string is exactly its UTF-8 size + 2 (the quotes): callers can budget
// the rest of a body precisely.
const UNITS = ['a', 'Lorem ipsum dolor sit amet, ', 'é', '€', '漢', '😀', '👩‍💻', 'const x = 42; '];

/** Builds a string of exactly `bytes` UTF-8 bytes from `unit`, padded with ASCII. */
function build(unit: string, bytes: number): string {
  const unitBytes = Buffer.byteLength(unit, 'utf8');
  const body = unit.repeat(Math.floor(bytes / unitBytes));
  return body + 'a'.repeat(bytes - Buffer.byteLength(body, 'utf8'));
}

/**
 * Strings whose UTF-8 size is within [minBytes, maxBytes]; a third of them sit exactly at maxBytes and
 * another share within 16 bytes under it, where off-by-one limits live. Sizes shrink towards minBytes.
 */
export function longString(options: LongStringOptions = {}): Arbitrary<string> {
  const maxBytes = options.maxBytes ?? DEFAULT_BODY_LIMIT;
  const minBytes = options.minBytes ?? Math.floor(maxBytes / 2);
  if (!(minBytes >= 0 && minBytes <= maxBytes))
    throw new HarnessError('usage', `longString: need 0 <= minBytes (${minBytes}) <= maxBytes (${maxBytes})`);
  // withCrossShrink: sizes at the limit still shrink into the first (full range) branch.
  const size = fc.oneof(
    { withCrossShrink: true },
    { arbitrary: fc.integer({ min: minBytes, max: maxBytes }), weight: 1 },
    { arbitrary: fc.constant(maxBytes), weight: 1 },
    { arbitrary: fc.integer({ min: Math.max(minBytes, maxBytes - 16), max: maxBytes }), weight: 1 },
  );
  return fc.tuple(fc.constantFrom(...UNITS), size).map(([unit, bytes]) => build(unit, bytes));
}
