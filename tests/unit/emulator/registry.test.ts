/** Emulator routing by operationId, request validation messages and FTS5 query quoting. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { buildRoutes, checkHandlers, fastifyPath } from '../../../emulator/registry.js';
import { loadContract } from '../../../emulator/contract.js';
import { ftsQuery, likePattern, quote, tokens } from '../../../emulator/store/ftsQuery.js';
import { detectLanguage } from '../../../emulator/shapes/classify.js';
import { call, makeEmulator } from './helpers.js';

describe('emulator registry', () => {
  test('the contract has 32 operations and every one has a handler (no 501)', async () => {
    const contract = loadContract();
    assert.equal(contract.operations.size, 32);
    const em = await makeEmulator();
    try {
      for (const op of contract.operations.values()) {
        if (op.websocket) continue;
        const url = op.path.replace(/\{[^}]+\}/g, 'x');
        const r = await call(em, op.method, url);
        assert.notEqual(r.status, 501, `${op.operationId} is not implemented`);
        assert.ok(r.status < 500, `${op.operationId}: ${r.status} ${r.text}`);
      }
    } finally {
      await em.close();
    }
  });

  test('an operationId the contract does not define is refused at start-up', () => {
    assert.throws(
      () => checkHandlers(loadContract(), { getAsset: () => undefined, deleteEverything: () => undefined }),
      /Unknown operationId deleteEverything\. Refusing to register handler/,
    );
    assert.throws(() => buildRoutes(loadContract(), { nope: () => undefined }), /nope/);
  });

  test('path templates become Fastify paths', () => {
    assert.equal(fastifyPath('/asset/{asset}'), '/asset/:asset');
    assert.equal(fastifyPath('/model/{model}/download/progress'), '/model/:model/download/progress');
  });
});

describe('emulator FTS5 query building', () => {
  const rows: Array<[string, string[]]> = [
    ['plain words', ['plain', 'words']],
    ['  spaced\tout\n', ['spaced', 'out']],
    ['nul\u0000split', ['nul', 'split']],
    ['', []],
  ];
  for (const [q, expected] of rows) test(`tokens of ${JSON.stringify(q)}`, () => assert.deepEqual(tokens(q), expected));

  test('tokens are quoted as FTS5 strings, inner quotes doubled', () => {
    assert.equal(quote('a"b'), '"a""b"');
    assert.equal(ftsQuery(['x', 'NEAR'], 'all'), '"x" "NEAR"');
    assert.equal(ftsQuery(['x', 'y'], 'any', 'name'), 'name : ("x" OR "y")');
    assert.equal(likePattern('50%_\\'), '%50\\%\\_\\\\%');
  });

  test('any query is valid FTS5 syntax once quoted (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (q) => {
        const t = tokens(q);
        const fts = ftsQuery(t, 'all');
        // Balanced quotes: every token opens and closes one string.
        assert.equal((fts.match(/"/g) ?? []).length % 2, 0);
      }),
      { numRuns: 300 },
    );
  });

  test('language detection stays fast on any text (no catastrophic backtracking)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 4096 }), fc.constantFrom('a ', '.x ', 'def ', '{ ', '< ', '# '), (s, unit) => {
        const text = unit.repeat(500) + s;
        const start = performance.now();
        detectLanguage(text);
        assert.ok(performance.now() - start < 100, 'detection took over 100 ms');
      }),
      { numRuns: 100 },
    );
  });
});
