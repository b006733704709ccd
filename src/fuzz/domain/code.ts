/** Code snippets in many languages, each with its contract ext (ClassificationSpecificEnum). */
import fc, { type Arbitrary } from 'fast-check';
import { HarnessError } from '../../core/errors.js';
import { LANGUAGES, type Holes, type LanguageTemplates } from './snippets.js';

/** A generated snippet: its language, the ext the contract uses for it, and the code. */
export interface CodeSnippet {
  language: string;
  ext: string;
  code: string;
}

/** Options of `codeSnippet`. */
export interface CodeSnippetOptions {
  /** Keep only these languages (matched by ext, e.g. `ts`, or by name, e.g. `Python`). */
  languages?: readonly string[];
  /** Keep only languages whose ext is in this list (pass the contract's enum to stay in step with it). */
  allowedExts?: readonly string[];
  /** Text for comments and literals (default: short developer prose, sometimes with unicode). */
  text?: Arbitrary<string>;
}

const WORDS = [
  'fix',
  'cache',
  'retry',
  'the',
  'token',
  'parse',
  'user',
  'input',
  'before',
  'saving',
  'TODO',
  'handle',
  'error',
  'async',
  'query',
  'on',
  'timeout',
];

/** Short developer prose, as found in comments and string literals. */
export function proseText(): Arbitrary<string> {
  return fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
}

/** Identifiers that are legal in every template language. */
export function identifier(): Arbitrary<string> {
  // Never the unique-token shape (`zq` + a digit, see token.ts), so tokens stay unique in any text.
  return fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,10}$/).filter((s) => !TOKEN_LIKE.test(s));
}

/** The shape of a unique token (token.ts), which natural text must never contain. */
const TOKEN_LIKE = /zq[0-9]/i;

/** The snippet languages, filtered by options; an empty selection is a usage error. */
export function snippetLanguages(options: CodeSnippetOptions = {}): readonly LanguageTemplates[] {
  const wanted = options.languages?.map((l) => l.toLowerCase());
  const out = LANGUAGES.filter(
    (l) =>
      (!wanted || wanted.includes(l.ext.toLowerCase()) || wanted.includes(l.language.toLowerCase())) &&
      (!options.allowedExts || options.allowedExts.includes(l.ext)),
  );
  if (out.length === 0)
    throw new HarnessError(
      'usage',
      `codeSnippet: no language left after filtering by ${JSON.stringify(options.languages ?? options.allowedExts)}`,
    );
  return out;
}

/** An arbitrary of code snippets with a matching ext; holes shrink, so failing snippets get short. */
export function codeSnippet(options: CodeSnippetOptions = {}): Arbitrary<CodeSnippet> {
  const holes: Arbitrary<Holes> = fc.record(
    {
      name: identifier(),
      other: identifier(),
      n: fc.integer({ min: 0, max: 9999 }),
      text: options.text ?? proseText(),
    },
    { noNullPrototype: true },
  );
  return fc.oneof(
    ...snippetLanguages(options).map((lang) =>
      fc
        .tuple(fc.constantFrom(...lang.templates), holes)
        .map(([template, h]) => ({ language: lang.language, ext: lang.ext, code: template(h) }))
        // a template may join a hole to literal text (`bucket = "b${n}"`): keep the token shape out there too
        .filter((s) => !TOKEN_LIKE.test(s.code)),
    ),
  );
}
