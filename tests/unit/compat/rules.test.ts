import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultRegistry } from '../../../src/compat/registry.js';
import type { Json, Severity } from '../../../src/compat/types.js';
import { viewOf } from '../../../src/compat/view.js';
import { accepts, doc, obj, one, params, responds, str } from './fixtures.js';

interface Row {
  rule: string;
  title: string;
  old: Json;
  new: Json;
  /** Expected [severity, location] per change, in order. */
  expect: Array<[Severity, string]>;
  /** Text the first change's message must contain. */
  says?: string;
}

const R200 = '/responses/200/content/application~1json/schema';
const REQ = '/requestBody/content/application~1json/schema';
const ok = { '200': { description: 'OK' } };
const q = (name: string, extra: Json = {}): Json => ({ name, in: 'query', schema: { type: 'boolean' }, ...extra });

const rows: Row[] = [
  // Operations: presence, address, deprecation.
  {
    rule: 'operation-removed',
    title: 'an operation disappears',
    old: doc({ '/a': { get: { responses: ok } }, '/b': { get: { responses: ok } } }),
    new: doc({ '/a': { get: { responses: ok } } }),
    expect: [['breaking', '']],
    says: 'GET /b removed',
  },
  {
    rule: 'operation-removed',
    title: 'a renamed path parameter is the same operation',
    old: one('get', '/a/{id}', {}),
    new: one('get', '/a/{asset}', {}),
    expect: [],
  },
  {
    rule: 'operation-removed',
    title: 'a moved operation is not reported as removed',
    old: one('get', '/a', {}),
    new: one('post', '/b', {}),
    expect: [],
  },
  {
    rule: 'operation-added',
    title: 'an operation appears',
    old: doc({ '/a': { get: { responses: ok } } }),
    new: doc({ '/a': { get: { responses: ok } }, '/b': { post: { responses: ok } } }),
    expect: [['non-breaking', '']],
    says: 'POST /b added',
  },
  {
    rule: 'operation-moved',
    title: 'same operationId, other path and method',
    old: one('get', '/a', {}),
    new: one('post', '/b', {}),
    expect: [['breaking', '']],
    says: 'GET /a -> POST /b',
  },
  {
    rule: 'operation-moved',
    title: 'other operationId is not a move',
    old: one('get', '/a', { operationId: 'x' }),
    new: one('get', '/b', { operationId: 'y' }),
    expect: [],
  },
  {
    rule: 'operation-deprecated',
    title: 'newly deprecated',
    old: one('get', '/a', {}),
    new: one('get', '/a', { deprecated: true }),
    expect: [['warning', '/deprecated']],
  },
  {
    rule: 'operation-deprecated',
    title: 'already deprecated',
    old: one('get', '/a', { deprecated: true }),
    new: one('get', '/a', { deprecated: true }),
    expect: [],
  },
  // Statuses and media types.
  {
    rule: 'status-removed',
    title: '410 no longer declared',
    old: one('get', '/a', { responses: { ...ok, '410': { description: 'Gone' } } }),
    new: one('get', '/a', {}),
    expect: [['breaking', '/responses/410']],
  },
  {
    rule: 'status-added',
    title: '500 newly declared',
    old: one('get', '/a', {}),
    new: one('get', '/a', { responses: { ...ok, '500': { description: 'x' } } }),
    expect: [['warning', '/responses/500']],
  },
  {
    rule: 'media-type-removed',
    title: 'text/plain answer becomes JSON',
    old: one('get', '/a', {
      responses: { '200': { description: 'OK', content: { 'text/plain': { schema: str() } } } },
    }),
    new: one('get', '/a', {
      responses: { '200': { description: 'OK', content: { 'application/json': { schema: str() } } } },
    }),
    expect: [['breaking', '/responses/200/content/text~1plain']],
    says: 'changed: text/plain -> application/json',
  },
  {
    rule: 'media-type-removed',
    title: 'request media type dropped',
    old: accepts(str()),
    new: one('post', '/things', {}),
    expect: [['breaking', '/requestBody/content/application~1json']],
    says: 'no content declared',
  },
  {
    rule: 'media-type-added',
    title: 'content declared where there was none',
    old: one('get', '/a', {}),
    new: one('get', '/a', {
      responses: { '200': { description: 'OK', content: { 'text/plain': { schema: str() } } } },
    }),
    expect: [['non-breaking', '/responses/200/content/text~1plain']],
  },
  {
    rule: 'media-type-added',
    title: 'a changed media type is not an addition',
    old: one('get', '/a', { responses: { '200': { description: 'OK', content: { 'text/plain': {} } } } }),
    new: one('get', '/a', { responses: { '200': { description: 'OK', content: { 'application/json': {} } } } }),
    expect: [],
  },
  // Parameters.
  {
    rule: 'parameter-added-required',
    title: 'new required query parameter',
    old: params(),
    new: params(q('x', { required: true })),
    expect: [['breaking', '/parameters/query/x']],
  },
  {
    rule: 'parameter-added-required',
    title: 'new optional parameter is not required',
    old: params(),
    new: params(q('x')),
    expect: [],
  },
  {
    rule: 'parameter-added',
    title: 'new optional query parameter',
    old: params(),
    new: params(q('x')),
    expect: [['non-breaking', '/parameters/query/x']],
  },
  {
    rule: 'parameter-removed',
    title: 'query parameter dropped',
    old: params(q('x')),
    new: params(),
    expect: [['breaking', '/parameters/query/x']],
  },
  {
    rule: 'parameter-newly-required',
    title: 'optional becomes required',
    old: params(q('x')),
    new: params(q('x', { required: true })),
    expect: [['breaking', '/parameters/query/x/required']],
  },
  {
    rule: 'parameter-type-changed',
    title: 'boolean becomes string',
    old: params(q('x')),
    new: params(q('x', { schema: str() })),
    expect: [['breaking', '/parameters/query/x/schema/type']],
    says: 'boolean -> string',
  },
  {
    rule: 'parameter-type-changed',
    title: 'format change is a warning',
    old: params(q('x', { schema: { type: 'integer', format: 'int32' } })),
    new: params(q('x', { schema: { type: 'integer', format: 'int64' } })),
    expect: [['warning', '/parameters/query/x/schema/format']],
  },
  {
    rule: 'parameter-type-changed',
    title: 'renamed path parameter keeps its type',
    old: one('get', '/a/{id}', { parameters: [{ name: 'id', in: 'path', required: true, schema: str() }] }),
    new: one('get', '/a/{asset}', { parameters: [{ name: 'asset', in: 'path', required: true, schema: str() }] }),
    expect: [],
  },
  // Request bodies.
  {
    rule: 'request-body-newly-required',
    title: 'optional body becomes required',
    old: accepts(obj({}), {}, false),
    new: accepts(obj({})),
    expect: [['breaking', '/requestBody/required']],
  },
  {
    rule: 'request-body-newly-required',
    title: 'required body stays required',
    old: accepts(obj({})),
    new: accepts(obj({})),
    expect: [],
  },
  {
    rule: 'request-property-newly-required',
    title: 'optional property becomes required',
    old: accepts(obj({ a: str() })),
    new: accepts(obj({ a: str() }, ['a'])),
    expect: [['breaking', `${REQ}/properties/a`]],
    says: 'property a is now required',
  },
  {
    rule: 'request-property-newly-required',
    title: 'new required property in a nested object',
    old: accepts(obj({ o: obj({}) })),
    new: accepts(obj({ o: obj({ b: str() }, ['b']) })),
    expect: [['breaking', `${REQ}/properties/o/properties/b`]],
    says: 'new required property o.b',
  },
  {
    rule: 'request-property-type-changed',
    title: 'string becomes integer',
    old: accepts(obj({ a: str() })),
    new: accepts(obj({ a: { type: 'integer' } })),
    expect: [['breaking', `${REQ}/properties/a/type`]],
  },
  {
    rule: 'request-property-type-changed',
    title: 'integer widened to number',
    old: accepts(obj({ a: { type: 'integer' } })),
    new: accepts(obj({ a: { type: 'number' } })),
    expect: [['non-breaking', `${REQ}/properties/a/type`]],
  },
  {
    rule: 'request-enum-narrowed',
    title: 'enum loses a value',
    old: accepts(obj({ a: str(['A', 'B']) })),
    new: accepts(obj({ a: str(['A']) })),
    expect: [['breaking', `${REQ}/properties/a/enum`]],
    says: 'lost "B"',
  },
  {
    rule: 'request-enum-narrowed',
    title: 'free string becomes an enum',
    old: accepts(obj({ a: str() })),
    new: accepts(obj({ a: str(['A']) })),
    expect: [['breaking', `${REQ}/properties/a/enum`]],
  },
  {
    rule: 'request-enum-narrowed',
    title: 'enum widened is fine',
    old: accepts(obj({ a: str(['A']) })),
    new: accepts(obj({ a: str(['A', 'B']) })),
    expect: [],
  },
  {
    rule: 'request-property-no-longer-nullable',
    title: 'nullable dropped',
    old: accepts(obj({ a: { type: 'string', nullable: true } })),
    new: accepts(obj({ a: str() })),
    expect: [['breaking', `${REQ}/properties/a/nullable`]],
  },
  {
    rule: 'request-property-removed',
    title: 'property dropped, extra properties allowed',
    old: accepts(obj({ a: str(), b: str() })),
    new: accepts(obj({ a: str() })),
    expect: [['warning', `${REQ}/properties/b`]],
  },
  {
    rule: 'request-property-removed',
    title: 'property dropped, extra properties rejected',
    old: accepts(obj({ b: str() })),
    new: accepts({ ...obj({}), additionalProperties: false }),
    expect: [['breaking', `${REQ}/properties/b`]],
  },
  {
    rule: 'request-property-added',
    title: 'optional property added',
    old: accepts(obj({})),
    new: accepts(obj({ a: str() })),
    expect: [['non-breaking', `${REQ}/properties/a`]],
  },
  {
    rule: 'request-property-added',
    title: 'required addition belongs to another rule',
    old: accepts(obj({})),
    new: accepts(obj({ a: str() }, ['a'])),
    expect: [],
  },
  // Response bodies.
  {
    rule: 'response-property-removed',
    title: 'envelope replaces the bare list',
    old: responds(obj({ iterable: { type: 'array', items: str() } })),
    new: responds(obj({ results: obj({ iterable: { type: 'array', items: str() } }) }, ['results'])),
    expect: [['breaking', `${R200}/properties/iterable`]],
  },
  {
    rule: 'response-property-removed',
    title: 'property in array items',
    old: responds({ type: 'array', items: obj({ a: str(), b: str() }) }),
    new: responds({ type: 'array', items: obj({ a: str() }) }),
    expect: [['breaking', `${R200}/items/properties/b`]],
    says: '[].b removed',
  },
  {
    rule: 'response-property-type-changed',
    title: 'body becomes a string',
    old: responds(obj({ a: str() })),
    new: responds(str()),
    expect: [['breaking', `${R200}/type`]],
    says: '(body) type changed: object -> string',
  },
  {
    rule: 'response-property-type-changed',
    title: 'date-time becomes date',
    old: responds(obj({ a: { type: 'string', format: 'date-time' } })),
    new: responds(obj({ a: { type: 'string', format: 'date' } })),
    expect: [['warning', `${R200}/properties/a/format`]],
  },
  {
    rule: 'response-property-no-longer-required',
    title: 'required becomes optional',
    old: responds(obj({ user: str() }, ['user'])),
    new: responds(obj({ user: str() })),
    expect: [['breaking', `${R200}/properties/user`]],
  },
  {
    rule: 'response-property-no-longer-required',
    title: 'optional becomes required is fine',
    old: responds(obj({ user: str() })),
    new: responds(obj({ user: str() }, ['user'])),
    expect: [],
  },
  {
    rule: 'response-property-became-nullable',
    title: 'value may now be null',
    old: responds(obj({ a: str() })),
    new: responds(obj({ a: { type: 'string', nullable: true } })),
    expect: [['breaking', `${R200}/properties/a/nullable`]],
  },
  {
    rule: 'response-enum-widened',
    title: 'UNKNOWN added',
    old: responds(obj({ s: str(['A']) })),
    new: responds(obj({ s: str(['UNKNOWN', 'A']) })),
    expect: [['warning', `${R200}/properties/s/enum`]],
    says: 'gained "UNKNOWN"',
  },
  {
    rule: 'response-enum-widened',
    title: 'enum dropped altogether',
    old: responds(obj({ s: str(['A']) })),
    new: responds(obj({ s: str() })),
    expect: [['warning', `${R200}/properties/s/enum`]],
  },
  {
    rule: 'response-enum-widened',
    title: 'enum narrowed is fine for readers',
    old: responds(obj({ s: str(['A', 'B']) })),
    new: responds(obj({ s: str(['A']) })),
    expect: [],
  },
  {
    rule: 'response-property-added',
    title: 'property added',
    old: responds(obj({})),
    new: responds(obj({ a: str() })),
    expect: [['non-breaking', `${R200}/properties/a`]],
  },
  // Value constraints: stricter requests break senders, looser responses warn readers.
  {
    rule: 'request-constraint-tightened',
    title: 'maxLength lowered',
    old: accepts(obj({ a: { type: 'string', maxLength: 100 } })),
    new: accepts(obj({ a: { type: 'string', maxLength: 50 } })),
    expect: [['breaking', `${REQ}/properties/a/maxLength`]],
    says: 'a maxLength 100 -> 50',
  },
  {
    rule: 'request-constraint-tightened',
    title: 'minimum and pattern added, items made unique',
    old: accepts(obj({ n: { type: 'integer' }, s: str(), l: { type: 'array', items: str() } })),
    new: accepts(
      obj({
        n: { type: 'integer', minimum: 1 },
        s: { type: 'string', pattern: '^[a-z]+$' },
        l: { type: 'array', items: str(), uniqueItems: true },
      }),
    ),
    expect: [
      ['breaking', `${REQ}/properties/n/minimum`],
      ['breaking', `${REQ}/properties/s/pattern`],
      ['breaking', `${REQ}/properties/l/uniqueItems`],
    ],
    says: 'n minimum added: 1',
  },
  {
    rule: 'request-constraint-tightened',
    title: 'object closed, format added (a warning)',
    old: accepts(obj({ id: str() })),
    new: accepts({ ...obj({ id: { type: 'string', format: 'uuid' } }), additionalProperties: false }),
    expect: [
      ['breaking', `${REQ}/additionalProperties`],
      ['warning', `${REQ}/properties/id/format`],
    ],
    says: 'no longer allows additional properties',
  },
  {
    rule: 'request-constraint-tightened',
    title: 'bound made exclusive, multipleOf 2 -> 4',
    old: accepts(obj({ n: { type: 'number', maximum: 10, multipleOf: 2 } })),
    new: accepts(obj({ n: { type: 'number', maximum: 10, exclusiveMaximum: true, multipleOf: 4 } })),
    expect: [
      ['breaking', `${REQ}/properties/n/exclusiveMaximum`],
      ['breaking', `${REQ}/properties/n/multipleOf`],
    ],
    says: 'maximum 10 became exclusive',
  },
  {
    rule: 'request-constraint-tightened',
    title: 'a query parameter gets a maximum',
    old: params(q('limit', { schema: { type: 'integer' } })),
    new: params(q('limit', { schema: { type: 'integer', maximum: 100 } })),
    expect: [['breaking', '/parameters/query/limit/schema/maximum']],
    says: 'query parameter limit maximum added: 100',
  },
  {
    rule: 'request-constraint-tightened',
    title: 'looser requests are fine (bounds relaxed, pattern and minLength 0 dropped)',
    old: accepts(
      obj({ a: { type: 'string', maxLength: 5, minLength: 2, pattern: 'x' }, l: { type: 'array', items: str() } }),
    ),
    new: accepts(
      obj({ a: { type: 'string', maxLength: 9, minLength: 0 }, l: { type: 'array', items: str(), minItems: 0 } }),
    ),
    expect: [],
  },
  {
    rule: 'request-constraint-tightened',
    title: 'multipleOf 4 -> 2 accepts more',
    old: accepts(obj({ n: { type: 'integer', multipleOf: 4 } })),
    new: accepts(obj({ n: { type: 'integer', multipleOf: 2 } })),
    expect: [],
  },
  {
    rule: 'response-constraint-loosened',
    title: 'maxLength raised, pattern dropped',
    old: responds(obj({ s: { type: 'string', maxLength: 64, pattern: '^[0-9a-f]+$' } })),
    new: responds(obj({ s: { type: 'string', maxLength: 256 } })),
    expect: [
      ['warning', `${R200}/properties/s/maxLength`],
      ['warning', `${R200}/properties/s/pattern`],
    ],
    says: 's maxLength 64 -> 256',
  },
  {
    rule: 'response-constraint-loosened',
    title: 'minimum removed',
    old: responds(obj({ n: { type: 'integer', minimum: 0 } })),
    new: responds(obj({ n: { type: 'integer' } })),
    expect: [['warning', `${R200}/properties/n/minimum`]],
    says: 'n minimum removed (was 0)',
  },
  {
    rule: 'response-constraint-loosened',
    title: 'stricter responses are fine for readers',
    old: responds(obj({ s: str() })),
    new: responds(obj({ s: { type: 'string', maxLength: 10, format: 'uuid' } })),
    expect: [],
  },
  // anyOf / oneOf alternatives: paired by $ref name or canonical JSON.
  {
    rule: 'request-alternatives-narrowed',
    title: 'an encoding branch removed',
    old: accepts({ ...obj({ raw: str(), b64: str() }), anyOf: [{ required: ['raw'] }, { required: ['b64'] }] }),
    new: accepts({ ...obj({ raw: str(), b64: str() }), anyOf: [{ required: ['raw'] }] }),
    expect: [['breaking', REQ]],
    says: 'anyOf alternative {"required":["b64"]} removed',
  },
  {
    rule: 'request-alternatives-narrowed',
    title: 'alternatives appear, and anyOf turns oneOf',
    old: accepts(obj({ a: str(), b: { anyOf: [str(), { type: 'integer' }] } })),
    new: accepts(obj({ a: { anyOf: [str()] }, b: { oneOf: [{ type: 'integer' }, str()] } })),
    expect: [
      ['breaking', `${REQ}/properties/a`],
      ['breaking', `${REQ}/properties/b`],
    ],
    says: 'a must now match one of 1 anyOf alternatives',
  },
  {
    rule: 'request-alternatives-narrowed',
    title: 'same branches in another order and key order, or a branch added, is fine',
    old: accepts({ anyOf: [{ required: ['x'], type: 'object' }, { $ref: '#/components/schemas/B' }] }, { B: obj({}) }),
    new: accepts(
      { anyOf: [{ $ref: '#/components/schemas/B' }, { type: 'object', required: ['x'] }, { required: ['y'] }] },
      { B: obj({}) },
    ),
    expect: [],
  },
  {
    rule: 'response-alternatives-widened',
    title: 'a $ref branch added, and alternatives dropped',
    old: responds(obj({ v: { oneOf: [{ $ref: '#/components/schemas/A' }] }, w: { anyOf: [str()] } }), {
      A: obj({}),
      B: obj({}),
    }),
    new: responds(
      obj({ v: { oneOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }] }, w: str() }),
      { A: obj({}), B: obj({}) },
    ),
    expect: [
      ['warning', `${R200}/properties/v`],
      ['warning', `${R200}/properties/w`],
    ],
    says: 'v oneOf alternative B added',
  },
  {
    rule: 'response-alternatives-widened',
    title: 'a branch removed is fine for readers',
    old: responds({ anyOf: [str(), { type: 'integer' }] }),
    new: responds({ anyOf: [str()] }),
    expect: [],
  },
  // $ref, allOf and recursion.
  {
    rule: 'response-property-removed',
    title: 'through $ref and allOf',
    old: responds({ $ref: '#/components/schemas/A' }, { A: obj({ a: str(), b: str() }) }),
    new: responds({ $ref: '#/components/schemas/A' }, { A: { allOf: [obj({ a: str() })] } }),
    expect: [['breaking', `${R200}/properties/b`]],
    says: '(schema A)',
  },
  {
    rule: 'response-property-type-changed',
    title: 'recursive schema terminates',
    old: responds(
      { $ref: '#/components/schemas/N' },
      { N: obj({ next: { $ref: '#/components/schemas/N' }, v: str() }) },
    ),
    new: responds(
      { $ref: '#/components/schemas/N' },
      { N: obj({ next: { $ref: '#/components/schemas/N' }, v: { type: 'integer' } }) },
    ),
    expect: [['breaking', `${R200}/properties/v/type`]],
  },
];

describe('compat rules (one row per case)', () => {
  const registry = defaultRegistry();
  for (const row of rows) {
    test(`${row.rule}: ${row.title}`, () => {
      const changes = registry.get(row.rule).check(viewOf(row.old), viewOf(row.new));
      assert.deepEqual(
        changes.map((c) => [c.severity, c.location]),
        row.expect,
      );
      for (const c of changes) assert.equal(c.rule, row.rule);
      if (row.says) assert.match(changes[0].message, new RegExp(row.says.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    });
  }

  test('every registered rule has at least one positive row', () => {
    const covered = new Set(rows.filter((r) => r.expect.length > 0).map((r) => r.rule));
    assert.deepEqual(
      registry
        .all()
        .map((r) => r.name)
        .filter((n) => !covered.has(n)),
      [],
    );
  });
});
