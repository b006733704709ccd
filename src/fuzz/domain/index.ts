/** Domain arbitraries: code, unicode, long strings, search queries and unique tokens. */
export * from './code.js';
export * from './unicode.js';
export * from './long.js';
export * from './query.js';
export * from './token.js';
export { LANGUAGES, type Holes, type LanguageTemplates } from './snippets.js';
