import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSpec } from '../../../src/contract/load.js';
import {
  contractVersions,
  describeContract,
  judgingSpec,
  notInContract,
  resolveContractChoice,
  shapeKey,
} from '../../../src/contract/choice.js';
import { HarnessError } from '../../../src/core/errors.js';
import { buildValidators } from '../../../src/validate/validators.js';

const reference = await loadSpec('spec/pieces-os.openapi.yaml');

test('every id of spec/versions/index.yaml resolves to its file; unset is the refined contract', () => {
  const ids = contractVersions().map((v) => v.id);
  assert.deepEqual(ids, ['seed', 'upstream-2024-09', 'upstream-2025-01', 'upstream-2025-02', 'refined']);
  assert.equal(resolveContractChoice(undefined).id, 'refined');
  assert.match(
    resolveContractChoice('upstream-2025-02').file,
    /upstream\/2025-02-03_csharp-sdk-e4f3d4e\/openapi\.yaml$/,
  );
});

test('neither an id nor a file is a usage error naming the ids', () => {
  assert.throws(
    () => resolveContractChoice('upstream-2031', tmpdir()),
    (e: unknown) => e instanceof HarnessError && e.code === 'usage' && /seed, upstream-2024-09/.test(e.hint ?? ''),
  );
});

test('an upstream version is named as the suites name operations, and its patterns compile', async () => {
  const choice = resolveContractChoice('upstream-2024-09');
  const judging = judgingSpec(await loadSpec(choice.file), reference);
  assert.ok(judging.operations.has('createAsset'), 'x-seed-operation-id');
  assert.ok(judging.operations.has('connect'), 'by method and path');
  assert.deepEqual(notInContract(judging, reference), []);
  assert.doesNotThrow(() => buildValidators(judging, 'strict'));
  assert.match(describeContract(choice, judging), /^upstream 2024-09 \(/);
});

test("a user's file: matched by method and path whatever its ids; the rest is not in the contract", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pc-choice-'));
  try {
    const file = join(dir, 'mine.yaml');
    writeFileSync(
      file,
      `openapi: 3.1.0
info: { title: Mine, version: '2' }
paths:
  /asset/{id}:
    get:
      operationId: readIt
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok } }
  /extra:
    get:
      operationId: extra
      responses: { '200': { description: ok } }
`,
    );
    const choice = resolveContractChoice('mine.yaml', dir);
    assert.equal(choice.id, 'file');
    const judging = judgingSpec(await loadSpec(choice.file), reference);
    assert.deepEqual([...judging.operations.keys()].sort(), ['extra', 'getAsset']);
    assert.ok(notInContract(judging, reference).includes('createAsset'));
    assert.equal(shapeKey({ method: 'get', path: '/asset/{asset}/' }), 'GET /asset/{}');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
