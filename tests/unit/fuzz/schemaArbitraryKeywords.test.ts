/** The converter keyword by keyword: every generated value validates (Ajv) and has the promised shape. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { schemaArbitrary, type SchemaArbitraryOptions } from '../../../src/fuzz/index.js';
import { objectSchema as obj, validatorFor } from './helpers.js';

interface Row {
  name: string;
  schema: Record<string, any>;
  options?: SchemaArbitraryOptions;
  /** Extra check of each value (beyond Ajv). */
  each?: (v: any) => boolean;
  /** Check of the whole sample (something is sometimes present). */
  some?: (v: any) => boolean;
  /** Skip Ajv (for OpenAPI-only forms Ajv's draft-07 rejects). */
  noAjv?: boolean;
}

const cp = (s: string) => [...s].length;

const rows: Row[] = [
  // strings: lengths, patterns, formats
  {
    name: 'string lengths in code points',
    schema: { type: 'string', minLength: 3, maxLength: 5 },
    each: (v) => cp(v) >= 3 && cp(v) <= 5,
  },
  { name: 'pattern', schema: { type: 'string', pattern: '^[a-f]{2}-[0-9]+$' } },
  { name: 'pattern with maxLength', schema: { type: 'string', pattern: '^x[0-9]*$', maxLength: 4 } },
  { name: 'unanchored pattern', schema: { type: 'string', pattern: '^data:' } },
  ...['uuid', 'date-time', 'date', 'email', 'uri', 'byte'].map((format) => ({
    name: `format ${format}`,
    schema: { type: 'string', format },
  })),
  {
    name: 'unknown format is a plain string',
    schema: { type: 'string', format: 'x-color' },
    each: (v) => typeof v === 'string',
    noAjv: true,
  },
  // numbers
  { name: 'int32', schema: { type: 'integer', format: 'int32' }, each: (v) => v >= -(2 ** 31) && v < 2 ** 31 },
  { name: 'int64 stays safe', schema: { type: 'integer', format: 'int64', minimum: 0 }, each: Number.isSafeInteger },
  { name: 'int32 on a number is whole', schema: { type: 'number', format: 'int32' }, each: Number.isInteger },
  { name: 'float', schema: { type: 'number', format: 'float' }, each: Number.isFinite },
  { name: 'double bounds', schema: { type: 'number', format: 'double', minimum: 0, maximum: 1 } },
  { name: 'exclusive bounds (numeric)', schema: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 } },
  {
    name: 'integer exclusive bounds',
    schema: { type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 3 },
    each: (v) => v === 1 || v === 2,
  },
  {
    name: 'exclusive bounds (OpenAPI 3.0 booleans)',
    schema: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 2, exclusiveMaximum: true },
    each: (v) => v > 0 && v < 2,
    noAjv: true,
  },
  { name: 'integer multipleOf', schema: { type: 'integer', multipleOf: 5, minimum: 1, maximum: 100 } },
  { name: 'number multipleOf 0.5', schema: { type: 'number', multipleOf: 0.5, minimum: -10, maximum: 10 } },
  { name: 'no negative zero', schema: { type: 'number' }, each: (v) => !Object.is(v, -0) },
  // other scalars
  { name: 'boolean', schema: { type: 'boolean' } },
  { name: 'null (JSON Schema type)', schema: { type: 'null' } },
  { name: 'type list', schema: { type: ['string', 'integer'] }, some: (v) => typeof v === 'number' },
  { name: 'enum', schema: { type: 'string', enum: ['A', 'B', 'C'] } },
  { name: 'const', schema: { const: 'fixed' }, each: (v) => v === 'fixed' },
  { name: 'nullable', schema: { type: 'string', nullable: true }, some: (v) => v === null },
  {
    name: 'nullable enum without null never gives null',
    schema: { type: 'string', enum: ['A'], nullable: true },
    each: (v) => v === 'A',
  },
  { name: 'untyped schema: any JSON value', schema: {} },
  {
    name: 'unknown keywords are ignored',
    schema: { type: 'string', example: 'x', 'x-pieces': { a: 1 }, discriminator: { propertyName: 'k' }, xml: {} },
  },
  // arrays
  {
    name: 'array bounds',
    schema: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 4 },
    each: (v) => v.length >= 2 && v.length <= 4,
  },
  {
    name: 'uniqueItems (deep)',
    schema: { type: 'array', items: obj({ a: { type: 'boolean' } }), uniqueItems: true, maxItems: 3 },
  },
  {
    name: 'maxArrayLength',
    schema: { type: 'array', items: { type: 'integer' } },
    options: { maxArrayLength: 1 },
    each: (v) => v.length <= 1,
  },
  // objects
  {
    name: 'required keys always present',
    schema: obj({ a: { type: 'string' }, b: { type: 'integer' } }, { required: ['a'] }),
    each: (v) => 'a' in v,
    some: (v) => !('b' in v),
  },
  {
    name: 'no extra keys by default',
    schema: obj({ a: { type: 'string' } }),
    each: (v) => Object.keys(v).every((k) => k === 'a'),
  },
  {
    name: 'extras when asked',
    schema: obj({ a: { type: 'string' } }),
    options: { extraProperties: true },
    some: (v) => Object.keys(v).some((k) => k.startsWith('x_')),
  },
  {
    name: 'no extras when additionalProperties is false',
    schema: obj({ a: { type: 'string' } }, { additionalProperties: false }),
    options: { extraProperties: true },
  },
  {
    name: 'map (additionalProperties schema)',
    schema: { type: 'object', additionalProperties: { type: 'integer' } },
    some: (v) => Object.keys(v).length > 0,
  },
  {
    name: 'plain objects, never null-prototype',
    schema: obj({ a: { type: 'string' } }),
    each: (v) => Object.getPrototypeOf(v) === Object.prototype,
  },
  {
    name: 'required key without a property schema',
    schema: { type: 'object', required: ['free'] },
    each: (v) => 'free' in v,
  },
  // combinators
  {
    name: 'anyOf of required sets on parent properties (SeededFormat shape)',
    schema: obj(
      { fragment: obj({ raw: { type: 'string' } }), file: obj({ raw: { type: 'string' } }), note: { type: 'string' } },
      { anyOf: [{ required: ['fragment'] }, { required: ['file'] }] },
    ),
    each: (v) => 'fragment' in v || 'file' in v,
  },
  {
    name: 'oneOf of required sets: exactly one',
    schema: obj(
      { a: { type: 'string' }, b: { type: 'string' } },
      { oneOf: [{ required: ['a'] }, { required: ['b'] }] },
    ),
    each: (v) => 'a' in v !== 'b' in v,
  },
  { name: 'oneOf of types', schema: { oneOf: [{ type: 'string', maxLength: 2 }, { type: 'integer' }] } },
  {
    name: 'allOf merged',
    schema: { allOf: [obj({ a: { type: 'string' } }), { required: ['a'] }, obj({ a: { minLength: 2 } })] },
    each: (v) => cp(v.a) >= 2,
  },
  { name: 'allOf of two patterns', schema: { allOf: [{ type: 'string', pattern: '^[a-c]+$' }, { pattern: 'b' }] } },
  {
    name: 'anyOf in allOf members multiply out',
    schema: {
      allOf: [
        { anyOf: [{ type: 'integer' }, { type: 'string' }] },
        { anyOf: [{ type: 'string' }, { type: 'boolean' }] },
      ],
    },
    each: (v) => typeof v === 'string',
  },
  // read/write direction
  {
    name: 'request leaves readOnly out',
    schema: obj({ id: { type: 'string', readOnly: true }, name: { type: 'string' } }, { required: ['id', 'name'] }),
    options: { direction: 'request' },
    each: (v) => !('id' in v) && 'name' in v,
    noAjv: true,
  },
  {
    name: 'response leaves writeOnly out',
    schema: obj({ secret: { type: 'string', writeOnly: true }, name: { type: 'string' } }),
    options: { direction: 'response' },
    each: (v) => !('secret' in v),
  },
  // depth, overrides, omit, strings
  {
    name: 'maxDepth drops optional properties deeper down',
    schema: obj(
      { a: obj({ b: obj({ c: { type: 'string' } }), r: { type: 'boolean' } }, { required: ['r'] }) },
      { required: ['a'] },
    ),
    options: { maxDepth: 1 },
    each: (v) => !('b' in v.a) && typeof v.a.r === 'boolean',
  },
  {
    name: 'overrides by dotted path',
    schema: obj(
      { list: { type: 'array', items: obj({ n: { type: 'string' } }, { required: ['n'] }) } },
      { required: ['list'] },
    ),
    options: { overrides: { 'list[].n': fc.constant('over') } },
    each: (v) => v.list.every((i: any) => i.n === 'over'),
  },
  {
    name: 'omit by dotted path',
    schema: obj({ a: { type: 'string' }, b: { type: 'string' } }),
    options: { omit: ['b'] },
    each: (v) => !('b' in v),
  },
  {
    name: 'strings plug-in (arbitrary)',
    schema: obj({ a: { type: 'string' }, e: { type: 'string', enum: ['E'] } }, { required: ['a', 'e'] }),
    options: { strings: fc.constant('domain') },
    each: (v) => v.a === 'domain' && v.e === 'E',
  },
  {
    name: 'strings plug-in (per path, lengths kept)',
    schema: obj({ a: { type: 'string', maxLength: 3 }, b: { type: 'string' } }, { required: ['a', 'b'] }),
    options: { strings: ({ path }) => (path === 'a' ? fc.constantFrom('ok', 'toolong') : undefined) },
    each: (v) => v.a === 'ok',
  },
];

describe('schemaArbitrary: keywords', () => {
  for (const row of rows) {
    test(row.name, () => {
      const arb = schemaArbitrary(row.schema, row.options);
      const validate = row.noAjv ? () => true : validatorFor(row.schema);
      const sample = fc.sample(arb, { numRuns: 200, seed: 7 });
      for (const v of sample) {
        assert.ok(validate(v), `${JSON.stringify(v)} fails ${JSON.stringify((validate as any).errors)}`);
        if (row.each) assert.ok(row.each(v), `unexpected ${JSON.stringify(v)}`);
        assert.deepEqual(JSON.parse(JSON.stringify(v)), v, 'survives a JSON round trip');
      }
      if (row.some) assert.ok(sample.some(row.some), 'the expected variant never appeared');
    });
  }
});
