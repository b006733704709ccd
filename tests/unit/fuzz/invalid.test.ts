/** Invalid variants never validate, say truly what they broke, cover every kind, and shrink. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { invalidVariant, listMutations, schemaArbitrary, type MutationKind } from '../../../src/fuzz/index.js';
import { HarnessError } from '../../../src/core/errors.js';
import { contractSchemas, loadSpec, validatorFor } from './helpers.js';

const api = await loadSpec();
const schemas = api.components.schemas;

/** Invalid variants of a schema, validated by Ajv built from the same schema. */
function variants(schema: Record<string, any>, kinds?: MutationKind[], direction?: 'request' | 'response') {
  const validate = validatorFor(schema);
  return {
    validate,
    arb: invalidVariant(schema, schemaArbitrary(schema, { direction }), (v) => validate(v), { kinds }),
  };
}

describe('invalid variants of every contract schema never validate', () => {
  for (const { name, schema, direction } of contractSchemas(api)) {
    test(name, () => {
      const { validate, arb } = variants(schema, undefined, direction);
      fc.assert(
        fc.property(arb, ({ value, mutation }) => {
          assert.equal(validate(value), false, `${mutation.description} still validates`);
          // Ajv reports the breakage at (or under) the mutation's path.
          assert.ok(
            validate.errors?.some((e) => e.instancePath.startsWith(mutation.path)),
            `${mutation.path} vs ${JSON.stringify(validate.errors)}`,
          );
        }),
        { numRuns: 30 },
      );
    });
  }
});

describe('every mutation kind', () => {
  const cases: [MutationKind, Record<string, any>, RegExp][] = [
    ['required-dropped', schemas.Seed, /^required property "\w+" dropped from (\(root\)|[\w.[\]]+)$/],
    ['type-changed', schemas.Seed, /^(type changed from \w+ to \w+|integer changed to the fraction)/],
    ['enum-invented', schemas.SeedTypeEnum, /^enum value "UNKNOWN_INVENTED" invented at \(root\)$/],
    ['format-broken', schemas.GroupedTimestamp, /^format date-time broken at value/],
    ['format-broken', schemas.UniversalUniqueIdentifier, /^format uuid broken at \(root\)/],
    ['pattern-broken', schemas.VersionText, /^pattern .* broken at \(root\)/],
    ['pattern-broken', schemas.SeededTransferableString, /^pattern .* broken at (base64_url|data_url)/],
    [
      'anyOf-unsatisfied',
      schemas.SeededFormat,
      /^none of the anyOf required sets \[\w+\]( \| \[\w+\])+ is left at (\(root\)|fragment|file|fragment\.string|file\.string)$/,
    ],
    // score is bounded [0, 1]; nested ByteDescriptor values (via asset.reference) are >= 0
    [
      'bound-broken',
      schemas.RelevantQGPTSeed,
      /^(below minimum 0|above maximum 1) at score$|^below minimum 0 at \S+\.bytes\.value$/,
    ],
    [
      'additional-property',
      { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false },
      /^undeclared property/,
    ],
    ['const-changed', { const: 'fixed' }, /^const "fixed" changed/],
  ];
  for (const [kind, schema, description] of cases) {
    test(`${kind}: ${description.source}`, () => {
      const { validate, arb } = variants(schema, [kind]);
      for (const { value, mutation } of fc.sample(arb, 40)) {
        assert.equal(mutation.kind, kind);
        assert.match(mutation.description, description);
        assert.equal(validate(value), false);
      }
    });
  }
});

describe('mutations', () => {
  test('the valid value is never modified in place', () => {
    const arb = schemaArbitrary(schemas.Seed);
    for (const value of fc.sample(arb, 30)) {
      const before = JSON.stringify(value);
      for (const c of listMutations(schemas.Seed, value)) c.apply();
      assert.equal(JSON.stringify(value), before);
    }
  });
  test('required drops reach any depth', () => {
    const value = fc.sample(schemaArbitrary(schemas.Seed), { numRuns: 1, seed: 1 })[0];
    const paths = listMutations(schemas.Seed, value, ['required-dropped']).map((c) => c.mutation.path);
    assert.ok(paths.includes(''), 'root');
    assert.ok(paths.includes('/asset'));
    assert.ok(paths.includes('/asset/application'));
  });
  test('paths are JSON pointers', () => {
    const schema = {
      type: 'object',
      properties: { 'a/b': { type: 'array', items: { type: 'string', enum: ['x'] } } },
      required: ['a/b'],
    };
    const m = listMutations(schema, { 'a/b': ['x'] }, ['enum-invented']);
    assert.deepEqual(
      m.map((c) => c.mutation.path),
      ['/a~1b/0'],
    );
    assert.deepEqual(m[0].apply(), { 'a/b': ['x_INVENTED'] });
  });
  test('a failing negative property shrinks to a small counterexample', () => {
    const { arb } = variants(schemas.Seed, ['enum-invented']);
    const out = fc.check(
      fc.property(arb, ({ mutation }) => mutation.path !== '/asset/application/platform'),
      { seed: 5 },
    );
    assert.ok(out.failed);
    const [{ value }] = out.counterexample!;
    // Shrunk: the required skeleton only, no optional key left at the root or in the application.
    assert.deepEqual(Object.keys(value as object), ['asset']);
    assert.deepEqual(Object.keys((value as any).asset.application).sort(), [
      'id',
      'name',
      'onboarded',
      'platform',
      'privacy',
      'version',
    ]);
  });
  test('a schema that accepts everything is a usage error, not a hang', () => {
    assert.throws(
      () =>
        fc.sample(
          invalidVariant({}, fc.integer(), () => true),
          1,
        ),
      HarnessError,
    );
  });
});
