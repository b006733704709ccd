/**
 * Unicode of every kind, as pieces joined into strings (so shrinking removes whole pieces).
 *
 * Every string is well-formed UTF-16: no lone surrogates. A lone surrogate cannot survive the wire:
 * JSON.stringify escapes it as `\ud800`, but any UTF-8 encoder (Buffer, TextEncoder, Pieces OS)
 * turns it into U+FFFD, so "round-trips byte for byte" could never hold for it. The
 * `escaped-surrogate` category sends the *escaped text* instead (the 6 characters `\uD800`), which
 * is exactly what trips a server that unescapes twice.
 */
import fc, { type Arbitrary } from 'fast-check';

/** The kinds of unicode the domain arbitraries cover. */
export type UnicodeCategory =
  | 'ascii'
  | 'emoji'
  | 'zwj-emoji'
  | 'skin-tone'
  | 'flag'
  | 'combining'
  | 'rtl'
  | 'bidi-control'
  | 'control'
  | 'nul'
  | 'zero-width'
  | 'astral'
  | 'escaped-surrogate'
  | 'cjk'
  | 'line-separator'
  | 'normalization'
  | 'noncharacter'
  | 'any-code-point';

const cps = (min: number, max: number) => fc.integer({ min, max }).map((c) => String.fromCodePoint(c));
const SKIN_TONES = ['\u{1F3FB}', '\u{1F3FC}', '\u{1F3FD}', '\u{1F3FE}', '\u{1F3FF}'];

const PIECES: Record<UnicodeCategory, () => Arbitrary<string>> = {
  ascii: () => fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 }),
  emoji: () => fc.constantFrom('😀', '🎉', '🔥', '💩', '🦀', '🐍', '☕', '❤️', '✅', '⚠️', '🚀', '🤖'),
  'zwj-emoji': () => fc.constantFrom('👨‍👩‍👧‍👦', '👩‍💻', '🏳️‍🌈', '🧑🏽‍🚀', '👁️‍🗨️', '❤️‍🔥', '🐻‍❄️', '👩🏿‍🤝‍👨🏻'),
  'skin-tone': () =>
    fc
      .tuple(fc.constantFrom('👍', '👋', '🙌', '🧑', '✋', '👶'), fc.constantFrom(...SKIN_TONES))
      .map(([b, t]) => b + t),
  flag: () => fc.constantFrom('🇫🇷', '🇯🇵', '🇺🇸', '🇺🇦', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '1️⃣', '#️⃣', '🏁'),
  // Zalgo-style stacks: one base letter and up to 8 marks from Combining Diacritical Marks.
  combining: () =>
    fc
      .tuple(fc.constantFrom('a', 'e', 'o', 'Z', 'ก', 'क'), fc.array(cps(0x300, 0x36f), { minLength: 1, maxLength: 8 }))
      .map(([b, m]) => b + m.join('')),
  rtl: () => fc.constantFrom('שלום עולם', 'مرحبا بالعالم', 'سلام', 'ܫܠܡܐ', 'ދިވެހި', 'abc שלום 123', 'عربي English مختلط'),
  // Trojan-source style overrides and isolates, alone or wrapped around text.
  'bidi-control': () =>
    fc.constantFrom(
      '\u202E',
      '\u202D',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200E',
      '\u200F',
      '\u061C',
      '\u202Etxt.exe',
      '\u2067admin\u2069',
    ),
  control: () =>
    fc.oneof(
      cps(0x01, 0x1f),
      fc.constant('\u007f'),
      cps(0x80, 0x9f),
      fc.constantFrom('\t', '\n', '\r\n', '\b', '\f', '\v'),
    ),
  nul: () => fc.constantFrom('\u0000', 'a\u0000b', '\u0000\u0000'),
  'zero-width': () => fc.constantFrom('\u200B', '\u200C', '\u200D', '\uFEFF', '\u2060', '\u180E', 'zero\u200Bwidth'),
  // Supplementary planes: always a valid surrogate pair in UTF-16.
  astral: () => fc.oneof(cps(0x10000, 0x10ffff), fc.constantFrom('𝕳𝖊𝖑𝖑𝖔', '𠀀𠀁', '𓀀𓁐', '𝄞', '🀄')),
  'escaped-surrogate': () =>
    fc.constantFrom(
      '\\uD800',
      '\\uDFFF',
      '\\uDBFF\\uDFFF',
      '\\ud83d',
      '\\u0000',
      '\\x00',
      '\\"',
      '%00',
      '%uD800',
      '&#xD800;',
      '&#0;',
    ),
  cjk: () => fc.constantFrom('漢字', '日本語のテキスト', '한국어', '中文搜索', 'ｶﾀｶﾅ', 'Ｆｕｌｌｗｉｄｔｈ'),
  'line-separator': () => fc.constantFrom('\u2028', '\u2029', '\u0085', '\r', '\n\n'),
  // Same-looking strings with different code points: NFC vs NFD, compatibility forms, case traps.
  normalization: () => fc.constantFrom('é', 'e\u0301', 'Å', '\u212B', 'ﬁ', 'Ⅻ', 'ß', 'İ', 'ǅ', 'ﷺ'),
  noncharacter: () => fc.constantFrom('\uFFFE', '\uFFFF', '\u{10FFFF}', '\uFFFD', '\u{1FFFE}'),
  'any-code-point': () => fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }),
};

/** Every unicode category, in a stable order. */
export const UNICODE_CATEGORIES = Object.keys(PIECES) as readonly UnicodeCategory[];

/** One piece of the given category. */
export function unicodePiece(category: UnicodeCategory): Arbitrary<string> {
  return PIECES[category]();
}

/** Options of `unicodeText`. */
export interface UnicodeTextOptions {
  /** Categories to draw pieces from (default: all). */
  categories?: readonly UnicodeCategory[];
  minPieces?: number;
  maxPieces?: number;
}

/** Strings made of pieces of every kind of unicode; always well-formed UTF-16 (see module note). */
export function unicodeText(options: UnicodeTextOptions = {}): Arbitrary<string> {
  const categories = options.categories ?? UNICODE_CATEGORIES;
  const piece = fc.oneof(...categories.map(unicodePiece));
  return fc
    .array(piece, { minLength: options.minPieces ?? 1, maxLength: options.maxPieces ?? 8 })
    .map((ps) => ps.join(''));
}
