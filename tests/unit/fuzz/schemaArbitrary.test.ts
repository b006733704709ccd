/** The converter's limits: unsatisfiable schemas throw naming the location, recursion ends, failures shrink. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { schemaArbitrary, UnsatisfiableSchemaError } from '../../../src/fuzz/index.js';
import { HarnessError } from '../../../src/core/errors.js';
import { objectSchema as obj } from './helpers.js';

describe('schemaArbitrary: unsatisfiable schemas throw, naming the location', () => {
  const cases: [string, Record<string, any>, RegExp][] = [
    [
      'allOf types clash',
      { allOf: [{ type: 'string' }, { type: 'integer' }] },
      /^#\/C\/allOf\/1: unsatisfiable schema: types string and integer/,
    ],
    [
      'minLength > maxLength',
      obj({ s: { type: 'string', minLength: 5, maxLength: 2 } }, { required: ['s'] }),
      /^#\/C\/properties\/s: unsatisfiable schema: minLength 5 > maxLength 2/,
    ],
    ['empty integer range', { type: 'integer', minimum: 3, maximum: 2 }, /^#\/C: .*no integer in \[3, 2\]/],
    ['enum outside the type', { type: 'integer', enum: ['a'] }, /^#\/C\/enum: .*no enum value has the schema type/],
    [
      'required but forbidden',
      { type: 'object', required: ['x'], additionalProperties: false },
      /required property "x" is not allowed/,
    ],
    [
      'no satisfiable branch',
      { type: 'string', anyOf: [{ type: 'integer' }, { type: 'boolean' }] },
      /^#\/C\/anyOf: .*no branch is satisfiable/,
    ],
    ['minItems > maxItems', { type: 'array', minItems: 3, maxItems: 1 }, /minItems 3 > maxItems 1/],
    [
      'required recursion',
      (() => {
        const s: any = { type: 'object', required: ['self'], properties: {} };
        s.properties.self = s;
        return s;
      })(),
      /recursion does not end/,
    ],
  ];
  for (const [name, schema, message] of cases) {
    test(name, () => {
      assert.throws(
        () => schemaArbitrary(schema, { location: '#/C' }),
        (err: unknown) => {
          assert.ok(err instanceof UnsatisfiableSchemaError);
          assert.match(err.message, message);
          return true;
        },
      );
    });
  }
  test('an unresolved $ref is a usage error', () => {
    assert.throws(
      () => schemaArbitrary({ $ref: '#/components/schemas/X' }),
      (err: unknown) => err instanceof HarnessError && /not resolved/.test(err.message),
    );
  });
  test('an optional recursive property ends at maxDepth', () => {
    const s: any = { type: 'object', properties: { name: { type: 'string' } } };
    s.properties.child = s;
    const depth = (v: any): number => (v.child ? 1 + depth(v.child) : 0);
    for (const v of fc.sample(schemaArbitrary(s, { maxDepth: 3 }), 100)) assert.ok(depth(v) <= 3);
  });
});

describe('schemaArbitrary: shrinking', () => {
  test('a failing array property shrinks to the smallest counterexample', () => {
    const arb = schemaArbitrary(
      { type: 'array', items: { type: 'integer', minimum: 0, maximum: 1000 } },
      { maxArrayLength: 10 },
    );
    const out = fc.check(
      fc.property(arb, (xs: any) => xs.reduce((a: number, b: number) => a + b, 0) < 100),
      { seed: 1 },
    );
    assert.ok(out.failed);
    assert.deepEqual(out.counterexample?.[0], [100]);
  });
  test('a failing object property shrinks away every optional key', () => {
    const schema = obj(
      {
        a: { type: 'string' },
        b: { type: 'integer' },
        c: obj({ d: { type: 'boolean' } }),
        n: { type: 'integer', minimum: 0 },
      },
      { required: ['n'] },
    );
    const out = fc.check(
      fc.property(schemaArbitrary(schema), (v: any) => v.n < 10),
      { seed: 3 },
    );
    assert.ok(out.failed);
    assert.deepEqual(out.counterexample?.[0], { n: 10 });
  });
});
