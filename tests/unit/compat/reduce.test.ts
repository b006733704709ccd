import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { reduceUpstream, wantedOperations } from '../../../src/compat/reduce/reduce.js';
import { stripSchema } from '../../../src/compat/reduce/strip.js';
import { inlineSchemas } from '../../../src/compat/inline.js';
import type { Json } from '../../../src/compat/types.js';

const seed: Json = {
  paths: { '/asset/{asset}': { get: { operationId: 'getAsset' } }, '/user': { get: { operationId: 'getUser' } } },
};
const refined: Json = {
  paths: {
    '/asset/{asset}': { get: { operationId: 'getAsset' } },
    '/connect': { post: { operationId: 'connect', 'x-pieces-neighbour': true } },
    '/gone': { post: { operationId: 'gone', 'x-pieces-neighbour': true } },
  },
};
const upstream: Json = {
  openapi: '3.0.0',
  info: { title: 'Pieces Isomorphic OpenAPI', version: '1.0', description: 'prose' },
  servers: [{ url: 'http://localhost:1000', description: 'Local' }, { url: 'https://api.example' }],
  security: [{ application: [] }],
  paths: {
    '/asset/{id}': {
      get: {
        operationId: 'asset-snapshot',
        summary: 's',
        description: 'd',
        tags: ['Asset'],
        parameters: [{ $ref: '#/components/parameters/Transferables' }],
        responses: {
          '200': {
            description: 'prose',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Asset' }, example: {} } },
          },
          '410': { description: 'Asset no longer exists', content: { 'text/plain': { schema: { type: 'string' } } } },
        },
      },
    },
    '/connect': { post: { operationId: 'connect', responses: { '200': { description: 'x' } } } },
    '/other': {
      get: {
        operationId: 'other',
        responses: {
          '200': {
            description: 'x',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Unused' } } },
          },
        },
      },
    },
  },
  components: {
    parameters: {
      Transferables: { name: 'transferables', in: 'query', description: 'prose', schema: { type: 'boolean' } },
    },
    schemas: {
      Asset: {
        type: 'object',
        title: 'Asset',
        description: 'prose',
        'x-stoplight': { id: 'abc' },
        required: ['id'],
        properties: {
          id: { type: 'string', example: 'x' },
          description: { type: 'string', description: 'prose' },
          title: { $ref: '#/components/schemas/Title' },
          kind: { type: 'string', enum: ['A', 'B'], nullable: true },
        },
      },
      Title: { type: 'object', properties: { value: { type: 'string', format: 'date-time' } } },
      Unused: { type: 'string' },
    },
    securitySchemes: { application: { type: 'apiKey', in: 'header', name: 'application', description: 'prose' } },
  },
};

describe('reduceUpstream', () => {
  const wanted = wantedOperations(seed, refined);
  const r = reduceUpstream(upstream, wanted, { label: 'up-test', commit: 'abc' });
  const paths = r.doc.paths as Record<string, Record<string, Json>>;
  const comps = r.doc.components as Record<string, Record<string, Json>>;

  const cases: Array<{ title: string; actual: () => unknown; expect: unknown }> = [
    {
      title: 'wanted = seed operations then refined neighbours',
      actual: () => wanted.map((w) => `${w.key}:${w.contractId}:${w.seed}`),
      expect: [
        'GET /asset/{}:getAsset:true',
        'GET /user:getUser:true',
        'POST /connect:connect:false',
        'POST /gone:gone:false',
      ],
    },
    {
      title: 'operations matched by method + path, whatever the parameter name',
      actual: () => Object.keys(paths),
      expect: ['/asset/{id}', '/connect'],
    },
    {
      title: 'upstream operationId kept, seed id recorded',
      actual: () => [paths['/asset/{id}'].get.operationId, paths['/asset/{id}'].get['x-seed-operation-id']],
      expect: ['asset-snapshot', 'getAsset'],
    },
    {
      title: 'neighbour marked, with the contract id',
      actual: () => [paths['/connect'].post['x-pieces-neighbour'], paths['/connect'].post['x-contract-operation-id']],
      expect: [true, 'connect'],
    },
    {
      title: 'missing wanted operations are listed',
      actual: () => r.missing.map((m) => m.contractId),
      expect: ['getUser', 'gone'],
    },
    {
      title: 'only reachable components kept',
      actual: () => r.components,
      expect: { parameters: ['Transferables'], schemas: ['Asset', 'Title'], securitySchemes: ['application'] },
    },
    {
      title: 'operation prose dropped, tags kept',
      actual: () => Object.keys(paths['/asset/{id}'].get).sort(),
      expect: ['operationId', 'parameters', 'responses', 'tags', 'x-seed-operation-id'],
    },
    {
      title: 'response description becomes the reason phrase',
      actual: () => Object.values(paths['/asset/{id}'].get.responses as Json).map((x) => (x as Json).description),
      expect: ['OK', 'Gone'],
    },
    {
      title: 'media-type examples dropped',
      actual: () => Object.keys(((paths['/asset/{id}'].get.responses as Json)['200'] as Json).content as Json),
      expect: ['application/json'],
    },
    {
      title: 'schema structure kept, prose and x-stoplight dropped, property names kept',
      actual: () => comps.schemas.Asset,
      expect: {
        type: 'object',
        required: ['id'],
        properties: {
          id: { type: 'string' },
          description: { type: 'string' },
          title: { $ref: '#/components/schemas/Title' },
          kind: { type: 'string', enum: ['A', 'B'], nullable: true },
        },
      },
    },
    {
      title: 'parameter prose dropped',
      actual: () => comps.parameters.Transferables,
      expect: { name: 'transferables', in: 'query', schema: { type: 'boolean' } },
    },
    {
      title: 'only localhost servers, without descriptions',
      actual: () => r.doc.servers,
      expect: [{ url: 'http://localhost:1000' }],
    },
    {
      title: 'info names the label and source',
      actual: () => [(r.doc.info as Json).title, ((r.doc.info as Json)['x-upstream'] as Json).commit],
      expect: ['Pieces OS Local API (up-test, reduced)', 'abc'],
    },
  ];
  for (const c of cases) test(c.title, () => assert.deepEqual(c.actual(), c.expect));

  test('a dangling $ref is an error', () => {
    const bad = structuredClone(upstream);
    delete ((bad.components as Json).schemas as Json).Title;
    assert.throws(() => reduceUpstream(bad, wanted, { label: 'x' }), /Dangling \$ref #\/components\/schemas\/Title/);
  });

  test('stripSchema recurses through items, additionalProperties and compositions', () => {
    assert.deepEqual(
      stripSchema({
        type: 'array',
        description: 'd',
        items: { title: 't', anyOf: [{ example: 1, type: 'integer' }] },
        additionalProperties: { summary: 's', type: 'string' },
      }),
      { type: 'array', items: { anyOf: [{ type: 'integer' }] }, additionalProperties: { type: 'string' } },
    );
  });
});

describe('inlineSchemas (for tools that cannot follow recursive schemas)', () => {
  const d: Json = {
    openapi: '3.0.0',
    paths: {
      '/a': {
        get: {
          responses: {
            '200': {
              description: 'OK',
              content: {
                'application/json': {
                  schema: { $ref: '#/components/schemas/Node' },
                },
              },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Node: {
          type: 'object',
          properties: { next: { $ref: '#/components/schemas/Node' }, leaf: { $ref: '#/components/schemas/Leaf' } },
        },
        Leaf: { type: 'string' },
      },
      parameters: { P: { name: 'p', in: 'query' } },
    },
  };
  const body = (r: Json): unknown =>
    (((((r.paths as Json)['/a'] as Json).get as Json).responses as Json)['200'] as Json).content;
  const cases: Array<{ depth: number; schema: unknown; truncated: number }> = [
    { depth: 0, schema: {}, truncated: 1 },
    { depth: 1, schema: { type: 'object', properties: { next: {}, leaf: {} } }, truncated: 2 },
    { depth: 2, schema: { type: 'object', properties: { next: {}, leaf: { type: 'string' } } }, truncated: 1 },
  ];
  for (const c of cases) {
    test(`depth ${c.depth}: recursion cut, deeper refs become {}`, () => {
      const r = inlineSchemas(d, c.depth);
      assert.deepEqual(body(r.doc), { 'application/json': { schema: c.schema } });
      assert.equal(r.truncated, c.truncated);
      assert.deepEqual(r.doc.components, { parameters: { P: { name: 'p', in: 'query' } } });
    });
  }
});
