import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildValidators, loadSpec, dottedPath } from '../../../src/index.js';
import { goodBodies } from './bodies.js';

const spec = await loadSpec('spec/pieces-os.openapi.yaml');
const strict = buildValidators(spec, 'strict');
const lenient = buildValidators(spec, 'lenient');
const json = 'application/json';
const messages = (r: { diagnostics: { message: string }[] }) => r.diagnostics.map((d) => d.message);

test('every operation × documented status × media type with a schema has a compiled validator', () => {
  let count = 0;
  for (const op of spec.operations.values()) {
    for (const [status, res] of Object.entries(op.responses)) {
      for (const [media, schema] of Object.entries(res.content)) {
        if (!schema) continue;
        const body = media === 'text/plain' ? 'x' : '{}';
        const r = strict.validateResponse(op.operationId, Number(status), media, body);
        assert.equal(r.checked, true, `${op.operationId} ${status} ${media}`);
        count++;
      }
    }
  }
  assert.ok(count >= 90, `compiled ${count}`);
});

// Known-good bodies, one per schema that the emulator answers (see bodies.ts).
for (const [id, status, media, body] of goodBodies) {
  test(`good body passes: ${id} ${status}`, () => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    assert.deepEqual(messages(strict.validateResponse(id, status, media, text)), []);
  });
}

// Known-bad bodies: operation, status, body, the diagnostic expected (exact message).
const bad: Array<[string, number, string, unknown, string]> = [
  ['getAssetsSnapshot', 200, json, { iterable: [{ id: 3 }] }, 'response body iterable[0].id must be string'],
  ['getAssetsSnapshot', 200, json, {}, "response body must have required property 'iterable'"],
  ['getAssetsSnapshot', 200, json, [], 'response body must be object'],
  [
    'getModel',
    200,
    json,
    { ...(goodBodies.find((g) => g[0] === 'getModel')![3] as object), type: 'TURBO' },
    'response body type must be equal to one of the allowed values (allowed: "BALANCED", "SPEED", "ACCURACY")',
  ],
  [
    'getModel',
    200,
    json,
    { ...(goodBodies.find((g) => g[0] === 'getModel')![3] as object), parameters: 'many' },
    'response body parameters must be number',
  ],
  ['getWellKnownHealth', 200, 'text/plain', 'down', 'response body must match pattern "^[Oo][Kk]"'],
  [
    'getWellKnownVersion',
    200,
    'text/plain',
    'eleven',
    'response body must match pattern "^[0-9]+\\.[0-9]+\\.[0-9]+([-+ ]?[0-9A-Za-z][0-9A-Za-z.+-]*)?$"',
  ],
  [
    'qgptQuestion',
    200,
    json,
    { answers: { iterable: [{ text: 'a', score: 2 }] } },
    'response body answers.iterable[0].score must be <= 1',
  ],
  [
    'openApplicationSession',
    200,
    json,
    { id: 's', opened: { value: 'yesterday' } },
    'response body opened.value must match format "date-time"',
  ],
  ['getConversation', 200, json, '{not json', 'response body is not valid JSON'],
];

for (const [id, status, media, body, expected] of bad) {
  test(`bad body fails: ${id} → ${expected.slice(0, 60)}`, () => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const r = strict.validateResponse(id, status, media, text);
    assert.equal(r.checked, true);
    assert.ok(
      messages(r).some((m) => m.startsWith(expected)),
      `got ${JSON.stringify(messages(r))}`,
    );
    assert.ok(
      r.diagnostics.every((d) => d.severity === 'error' && d.keyword && d.location.startsWith('response body')),
    );
  });
}

test('nullable fields accept null (OpenAPI 3.0 nullable)', () => {
  const frame = { conversation: 'c', statusCode: null, errorMessage: null };
  assert.deepEqual(strict.validateAt('#/components/schemas/QGPTStreamOutput', frame, 'frame').diagnostics, []);
  assert.equal(
    strict.validateAt('#/components/schemas/QGPTStreamOutput', { conversation: null }, 'frame').diagnostics.length,
    1,
  );
});

test('statuses and media types the contract does not document are not schema-checked', () => {
  assert.equal(strict.validateResponse('getAsset', 418, json, '{}').checked, false);
  assert.equal(strict.validateResponse('getAsset', 200, 'text/html', '<p>').checked, false);
  assert.equal(
    strict.validateResponse(
      'openApplicationSession',
      200,
      'application/json; charset=utf-8',
      '{"id":"s","opened":{"value":"2024-01-01T00:00:00Z"}}',
    ).checked,
    true,
  );
});

test('lenient mode: unknown enum values and extra fields warn, types and required still fail', () => {
  const model = { ...(goodBodies.find((g) => g[0] === 'getModel')![3] as object), usage: 'TIME_TRAVEL', brandNew: 1 };
  const l = lenient.validateResponse('getModel', 200, json, JSON.stringify(model)).diagnostics;
  assert.deepEqual(
    l.map((d) => `${d.severity} ${d.keyword} ${d.location}`),
    ['warning enum response body usage'],
  );
  const s = strict.validateResponse('getModel', 200, json, JSON.stringify(model)).diagnostics;
  assert.deepEqual(
    s.map((d) => `${d.severity} ${d.keyword}`),
    ['error enum'],
  );
  const broken = lenient.validateResponse('getModel', 200, json, JSON.stringify({ ...model, name: 5 })).diagnostics;
  assert.ok(broken.some((d) => d.severity === 'error' && d.message === 'response body name must be string'));
});

test('request bodies and parameters', () => {
  assert.deepEqual(
    messages(strict.validateRequestBody('closeApplicationSession', json, '"5b6d3a2e-7c1f-4c1e-9c1e-3c1e9c1e9c1e"')),
    [],
  );
  assert.deepEqual(messages(strict.validateRequestBody('closeApplicationSession', json, '"nope"')), [
    'request body must match format "uuid"',
  ]);
  assert.deepEqual(messages(strict.validateRequestBody('createAsset', json, '{}')), [
    "request body must have required property 'asset'",
  ]);
  const fragmentless = {
    asset: { application: goodBodies.find((g) => g[0] === 'registerApplication')![3], format: {} },
  };
  assert.ok(
    messages(strict.validateRequestBody('createAsset', json, fragmentless)).some((m) => m.includes('asset.format')),
  );
  assert.deepEqual(
    strict.validateParameters('getAsset', { path: { asset: 'a' }, query: { transferables: 'false' } }),
    [],
  );
  assert.deepEqual(
    strict
      .validateParameters('getAsset', { path: { asset: 'a' }, query: { transferables: 'maybe' } })
      .map((d) => d.message),
    ['request query transferables must be boolean'],
  );
  assert.deepEqual(
    strict.validateParameters('getAsset', { query: {} }).map((d) => d.message),
    ['request path parameter asset is required but missing'],
  );
});

test('an unknown operationId is a usage error', () => {
  assert.throws(() => strict.validateResponse('nope', 200, json, '{}'), /unknown operationId "nope"/);
});

// readOnly / writeOnly (OAS 3.0 §4.7.25) and the `default` response, on a small hand-made contract
test('readOnly, writeOnly and default responses', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'val-'));
  try {
    const file = join(dir, 'c.yaml');
    writeFileSync(
      file,
      `openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /things:
    post:
      operationId: makeThing
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/Thing'}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
        default:
          description: any error
          content:
            text/plain:
              schema: {type: string, minLength: 2}
components:
  schemas:
    Thing:
      type: object
      required: [id, secret, name]
      properties:
        id: {type: string, readOnly: true}
        secret: {type: string, writeOnly: true}
        name: {type: string}
`,
    );
    const v = buildValidators(await loadSpec(file));
    assert.deepEqual(
      messages(v.validateRequestBody('makeThing', json, { secret: 's', name: 'n' })),
      [],
      'readOnly id not required in a request',
    );
    assert.deepEqual(
      messages(v.validateResponse('makeThing', 200, json, JSON.stringify({ id: 'i', name: 'n' }))),
      [],
      'writeOnly secret not required in a response',
    );
    assert.deepEqual(messages(v.validateRequestBody('makeThing', json, { name: 'n' })), [
      "request body must have required property 'secret'",
    ]);
    assert.deepEqual(
      messages(v.validateResponse('makeThing', 503, 'text/plain', 'x')),
      ['response body must NOT have fewer than 2 characters'],
      'default covers 503',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('dotted paths', () => {
  assert.equal(dottedPath(''), '');
  assert.equal(dottedPath('/iterable/3/id'), 'iterable[3].id');
  assert.equal(dottedPath('/a~1b/c~0d'), 'a/b.c~d');
});
