/** Domain arbitraries produce what they claim. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  codeSnippet,
  DEFAULT_BODY_LIMIT,
  LANGUAGES,
  longString,
  SEARCH_METACHARACTERS,
  searchQuery,
  snippetLanguages,
  UNICODE_CATEGORIES,
  unicodePiece,
  unicodeText,
  uniqueToken,
} from '../../../src/fuzz/index.js';
import { HarnessError } from '../../../src/core/errors.js';
import { loadSpec } from './helpers.js';

const api = await loadSpec();
const specificEnum: string[] = api.components.schemas.ClassificationSpecificEnum.enum;

/** True when the string survives UTF-8 encoding and JSON unchanged (no lone surrogates). */
const roundTrips = (s: string) => Buffer.from(s, 'utf8').toString('utf8') === s && JSON.parse(JSON.stringify(s)) === s;

describe('codeSnippet', () => {
  test('every language ext is a ClassificationSpecificEnum value of the contract', () => {
    for (const l of LANGUAGES) assert.ok(specificEnum.includes(l.ext), `${l.language}: ${l.ext}`);
  });
  test('covers the languages the brief names', () => {
    const exts = LANGUAGES.map((l) => l.ext);
    for (const e of ['ts', 'py', 'rs', 'go', 'java', 'sql', 'html', 'css', 'sh', 'json', 'yaml', 'md'])
      assert.ok(exts.includes(e), e);
  });
  test('snippets are non-empty code with a matching ext', () => {
    const byExt = new Map(LANGUAGES.map((l) => [l.ext, l.language]));
    for (const s of fc.sample(codeSnippet(), 300)) {
      assert.ok(s.code.trim().length > 0);
      assert.equal(byExt.get(s.ext), s.language);
      assert.ok(roundTrips(s.code));
    }
  });
  test('filters by language and by allowed exts', () => {
    for (const s of fc.sample(codeSnippet({ languages: ['py', 'Rust'] }), 50)) assert.ok(['py', 'rs'].includes(s.ext));
    assert.deepEqual(
      snippetLanguages({ allowedExts: ['go'] }).map((l) => l.ext),
      ['go'],
    );
    assert.throws(() => codeSnippet({ allowedExts: ['nope'] }), HarnessError);
  });
  test('JSON snippets are JSON', () => {
    for (const s of fc.sample(codeSnippet({ languages: ['json'] }), 50)) JSON.parse(s.code);
  });
});

describe('unicode', () => {
  test('every category yields well-formed strings that survive UTF-8 and JSON', () => {
    for (const c of UNICODE_CATEGORIES)
      for (const s of fc.sample(unicodePiece(c), 50))
        assert.ok(s.length > 0 && roundTrips(s), `${c}: ${JSON.stringify(s)}`);
  });
  const has = (re: RegExp) =>
    fc.sample(unicodeText({ maxPieces: 4 }), { numRuns: 3000, seed: 11 }).some((s) => re.test(s));
  const kinds: [string, RegExp][] = [
    ['ZWJ emoji', /\u200D/u],
    ['skin tone', /[\u{1F3FB}-\u{1F3FF}]/u],
    ['combining mark', /[\u0300-\u036F]/u],
    ['right-to-left', /[\u0590-\u08FF]/u],
    ['bidi control', /[\u202A-\u202E\u2066-\u2069]/u],
    ['NUL', /\u0000/],
    ['C0/C1 control', /[\u0001-\u001F\u007F-\u009F]/],
    ['zero width', /[\u200B\uFEFF\u2060]/u],
    ['astral plane', /[\u{10000}-\u{10FFFF}]/u],
    ['escaped lone surrogate text', /\\uD800/],
    ['line separator', /[\u2028\u2029]/],
  ];
  for (const [name, re] of kinds) test(`unicodeText includes ${name}`, () => assert.ok(has(re)));
  test('the escaped surrogate is 6 characters of text, never a real lone surrogate', () => {
    const s = fc.sample(unicodePiece('escaped-surrogate'), { numRuns: 200, seed: 1 });
    assert.ok(s.includes('\\uD800'));
    assert.equal('\\uD800'.length, 6);
    assert.ok(s.every((x) => !/[\uD800-\uDFFF]/.test(x)));
  });
});

describe('longString', () => {
  test('stays within the byte limit and reaches it', () => {
    const max = 64 * 1024;
    const sizes = fc
      .sample(longString({ maxBytes: max }), { numRuns: 60, seed: 5 })
      .map((s) => Buffer.byteLength(s, 'utf8'));
    assert.ok(sizes.every((n) => n >= max / 2 && n <= max));
    assert.ok(sizes.includes(max), 'some string sits exactly at the limit');
  });
  test('its JSON text is its UTF-8 size + 2 (nothing is escaped)', () => {
    for (const s of fc.sample(longString({ maxBytes: 4096, minBytes: 0 }), 50)) {
      assert.equal(Buffer.byteLength(JSON.stringify(s), 'utf8'), Buffer.byteLength(s, 'utf8') + 2);
    }
  });
  test('defaults to the 1 MiB body limit', () => {
    const [s] = fc.sample(longString(), { numRuns: 1, seed: 2 });
    assert.ok(
      Buffer.byteLength(s, 'utf8') <= DEFAULT_BODY_LIMIT && Buffer.byteLength(s, 'utf8') >= DEFAULT_BODY_LIMIT / 2,
    );
  });
  test('sizes shrink towards minBytes', () => {
    const out = fc.check(
      fc.property(longString({ maxBytes: 10_000, minBytes: 100 }), (s) => s.length < 50),
      { seed: 9 },
    );
    assert.ok(out.failed);
    assert.equal(Buffer.byteLength(out.counterexample![0], 'utf8'), 100);
  });
  test('bad bounds are a usage error', () =>
    assert.throws(() => longString({ maxBytes: 10, minBytes: 20 }), HarnessError));
});

describe('searchQuery', () => {
  test('queries carry the metacharacters', () => {
    const sample = fc.sample(searchQuery(), { numRuns: 2000, seed: 3 });
    for (const m of ['"', '*', '(', ')', ':', '^', 'NEAR', 'AND', 'OR', 'NOT', "'", '%', '_', '\\', '--', ';']) {
      assert.ok(SEARCH_METACHARACTERS.includes(m));
      assert.ok(
        sample.some((q) => q.includes(m)),
        m,
      );
    }
    assert.ok(sample.every(roundTrips));
    assert.ok(sample.includes(''), 'the empty query is allowed by default');
  });
  test('allowEmpty: false', () => {
    assert.ok(fc.sample(searchQuery({ allowEmpty: false }), 300).every((q) => q.length > 0));
  });
});

describe('uniqueToken', () => {
  test('tokens are distinct', () => {
    const tokens = fc.sample(uniqueToken(), { numRuns: 20_000, seed: 4 });
    assert.equal(new Set(tokens).size, tokens.length);
  });
  test('shape: zq + a digit + base36, lower-case alphanumeric', () => {
    for (const t of fc.sample(uniqueToken(), 200)) assert.match(t, /^zq[0-9][0-9a-z]{11}$/);
    for (const t of fc.sample(uniqueToken({ prefix: 'qx', length: 8 }), 50)) assert.match(t, /^qx[0-9][0-9a-z]{7}$/);
  });
  test('never found in the other domain arbitraries', () => {
    const text = [
      ...fc.sample(codeSnippet(), 300).map((s) => s.code),
      ...fc.sample(unicodeText(), 300),
      ...fc.sample(searchQuery(), 300),
    ].join('\n');
    assert.doesNotMatch(text, /zq[0-9]/);
  });
  test('do not shrink (shrunk tokens would converge and collide)', () => {
    const out = fc.check(
      fc.property(uniqueToken(), () => false),
      { seed: 8 },
    );
    assert.ok(out.failed);
    assert.equal(out.numShrinks, 0);
  });
});
