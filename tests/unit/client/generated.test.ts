/** The committed client types are what the generator makes of the contract now (regenerate with `npm run gen:client`). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { GENERATED_FILE, generate, typeOf } from '../../../src/client/generate.js';
import { loadSpec } from '../../../src/contract/load.js';

test('src/client/generated/contract.ts is up to date with the contract', async () => {
  const spec = await loadSpec('spec/pieces-os.openapi.yaml');
  assert.equal(readFileSync(GENERATED_FILE, 'utf8'), generate(spec), 'stale: run `npm run gen:client`');
});

const rows: Array<[unknown, string]> = [
  [{ type: 'string' }, 'string'],
  [{ type: 'integer', nullable: true }, 'number | null'],
  [{ enum: ['A', 'B'] }, '"A" | "B"'],
  [{ $ref: '#/components/schemas/Asset' }, 'Asset'],
  [{ type: 'array', items: { type: 'boolean' } }, 'Array<boolean>'],
  [{ type: 'object', additionalProperties: { type: 'integer' } }, 'Record<string, number>'],
  [
    { type: 'object', required: ['a'], properties: { a: { type: 'string' }, 'b-c': { type: 'number' } } },
    '{\n  a: string;\n  "b-c"?: number;\n}',
  ],
  [{}, 'unknown'],
];
for (const [schema, ts] of rows) {
  test(`typeOf ${JSON.stringify(schema)}`, () => assert.equal(typeOf(schema as any), ts));
}
