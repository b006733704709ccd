/**
 * Turning user text into FTS5 queries safely. Every token is quoted as an FTS5 string (a `"`
 * inside is doubled), so operators (AND OR NOT NEAR), `* ( ) : ^ { }` and quotes are plain text
 * to FTS5 and no user input can produce a syntax error (FTS5 query syntax, sqlite.org/fts5.html §3).
 */

// Frequent words that would make an OR query match everything (relevance only).
const STOP = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'do',
  'does',
  'for',
  'from',
  'how',
  'i',
  'in',
  'is',
  'it',
  'me',
  'my',
  'of',
  'on',
  'or',
  'the',
  'this',
  'to',
  'what',
  'when',
  'where',
  'which',
  'why',
  'with',
  'you',
  'can',
  'should',
  'would',
  'use',
  'using',
]);

/** The whitespace-separated tokens of a query (at most 32, each at most 200 characters). */
export function tokens(query: string): string[] {
  // Control characters (NUL above all) would end an FTS5 string early: they separate tokens instead.
  return query
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .split(/\s+/u)
    .filter((t) => t.length > 0)
    .slice(0, 32)
    .map((t) => t.slice(0, 200));
}

/** One token as an FTS5 string literal. */
export function quote(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

/** Tokens without stop words (all tokens when only stop words are left). */
export function contentTokens(query: string): string[] {
  const all = tokens(query);
  const kept = all.filter((t) => !STOP.has(t.toLowerCase()));
  return kept.length ? kept : all;
}

/** An FTS5 query that matches rows holding every token (implicit AND), or any token. */
export function ftsQuery(toks: string[], mode: 'all' | 'any', column?: 'name'): string {
  const body = toks.map(quote).join(mode === 'all' ? ' ' : ' OR ');
  return column ? `${column} : (${body})` : body;
}

/** A LIKE pattern for a literal substring (escape character `\`). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
