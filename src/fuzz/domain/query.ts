/** Search queries full of search-engine and SQL metacharacters, mixed with ordinary words. */
import fc, { type Arbitrary } from 'fast-check';
import { unicodePiece } from './unicode.js';

/** Tokens that mean something to a full-text engine (FTS5, Lucene, Tantivy) or to SQL `LIKE`. */
export const SEARCH_METACHARACTERS: readonly string[] = [
  '"',
  "'",
  '*',
  '(',
  ')',
  ':',
  '^',
  'NEAR',
  'NEAR/3',
  'NEAR(a b, 2)',
  'AND',
  'OR',
  'NOT',
  '-',
  '+',
  '~',
  '~2',
  '!',
  '%',
  '_',
  '\\',
  '\\%',
  '\\_',
  '--',
  ';',
  '/*',
  '*/',
  '`',
  '[',
  ']',
  '{',
  '}',
  '|',
  '||',
  '&&',
  '=',
  '<>',
  '?',
  '$',
  '#',
  '@',
  "' OR '1'='1",
  '"; DROP TABLE assets; --',
  "'); DELETE FROM assets; --",
  '1=1',
  'title:',
  'content:*',
  'a*',
  '*a',
  '"exact phrase"',
  '"unbalanced',
  '(a OR b) AND NOT c',
  '((((',
  '))',
  '%%',
  '__',
  'LIKE',
  'ESCAPE',
  'MATCH',
  'NULL',
  '\\\\',
  "''",
  '""',
  '\\"',
  '{!lucene}',
  'field:[1 TO 5]',
  '/regex.*/',
];

const WORDS = [
  'react',
  'hook',
  'useEffect',
  'async',
  'await',
  'function',
  'docker',
  'compose',
  'SELECT',
  'error',
  'null',
  'pointer',
  'rust',
  'lifetime',
  'python',
  'list',
  'comprehension',
  'how',
  'to',
  'sort',
  'map',
  'git',
  'rebase',
  'and',
  'or',
  'not',
];

/** Options of `searchQuery`. */
export interface SearchQueryOptions {
  /** Most tokens in a query (default 6). */
  maxTokens?: number;
  /** Allow the empty query (default true). */
  allowEmpty?: boolean;
}

/** An arbitrary of search queries; tokens and separators shrink away, leaving the culprit. */
export function searchQuery(options: SearchQueryOptions = {}): Arbitrary<string> {
  const token = fc.oneof(
    { arbitrary: fc.constantFrom(...SEARCH_METACHARACTERS), weight: 4 },
    { arbitrary: fc.constantFrom(...WORDS), weight: 3 },
    {
      arbitrary: fc.oneof(
        unicodePiece('emoji'),
        unicodePiece('rtl'),
        unicodePiece('combining'),
        unicodePiece('zero-width'),
        unicodePiece('nul'),
        unicodePiece('cjk'),
      ),
      weight: 1,
    },
    { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 6 }), weight: 1 },
  );
  const sep = fc.constantFrom(' ', '', '  ', '\t');
  return fc
    .array(fc.tuple(token, sep), { minLength: options.allowEmpty === false ? 1 : 0, maxLength: options.maxTokens ?? 6 })
    .map((parts) => parts.map(([t, s]) => t + s).join(''));
}

const OPENERS = ['how do I', 'what is', 'why does', 'where is', 'explain', 'show me', 'fix'];

/** Natural-language questions as a developer asks the copilot, e.g. "how do I retry the token parse". */
export function naturalQuery(): Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...OPENERS),
      fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }),
      fc.constantFrom('?', '', ' ?'),
    )
    .map(([opener, words, end]) => `${opener} ${words.join(' ')}${end}`);
}
