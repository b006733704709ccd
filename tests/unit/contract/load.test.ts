import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSpec, HarnessError } from '../../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'spec-load-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a document into the temp dir and returns its path. */
function write(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const ok = (paths: string) => `openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n${paths}`;

test('the project contracts load', async () => {
  const refined = await loadSpec('spec/pieces-os.openapi.yaml');
  const seed = await loadSpec('spec/versions/seed/openapi.yaml');
  assert.equal(seed.operations.size, 28);
  assert.equal([...refined.operations.values()].filter((o) => !o.neighbour).length, 28);
  assert.equal(refined.dialect, '3.0');
  for (const op of seed.operations.values()) assert.ok(refined.operations.has(op.operationId), op.operationId);
});

test('an OpenAPI 3.1 document loads with the 2020-12 dialect', async () => {
  const p = write(
    'v31.yaml',
    `openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: a\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {type: [string, 'null']}\n`,
  );
  const spec = await loadSpec(p);
  assert.equal(spec.dialect, '3.1');
  assert.equal(spec.operations.get('a')?.method, 'GET');
});

// A broken document is a HarnessError whose one line names the file and the JSON pointer.
const broken: Array<[string, string, RegExp]> = [
  [
    'missing $ref target',
    ok(
      `  /a:\n    get:\n      operationId: a\n      responses:\n        '200':\n          description: x\n          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Nope'}\n`,
    ),
    /#\/components\/schemas\/Nope/,
  ],
  [
    'response without description',
    ok(`  /a:\n    get:\n      operationId: a\n      responses:\n        '200': {descriptio: x}\n`),
    /#\/paths\/~1a\/get\/responses\/200/,
  ],
  [
    'operation without operationId',
    ok(`  /a:\n    get:\n      responses:\n        '200': {description: x}\n`),
    /#\/paths\/~1a\/get: operation has no operationId/,
  ],
  [
    'duplicate operationId',
    ok(
      `  /a:\n    get:\n      operationId: same\n      responses: {'200': {description: x}}\n  /b:\n    get:\n      operationId: same\n      responses: {'200': {description: x}}\n`,
    ),
    /duplicate operationId "same"/,
  ],
  ['YAML syntax error', 'openapi: 3.0.3\ninfo: {title: t\n', /./],
  ['not OpenAPI at all', 'just: text\n', /./],
];

for (const [name, text, pattern] of broken) {
  test(`broken contract: ${name}`, async () => {
    const p = write(`${name.replace(/\W+/g, '-')}.yaml`, text);
    await assert.rejects(loadSpec(p), (err: unknown) => {
      assert.ok(err instanceof HarnessError, `got ${String(err)}`);
      assert.equal(err.code, 'spec');
      const line = err.toLine();
      assert.ok(!line.includes('\n'), `one line: ${line}`);
      assert.ok(line.includes(p), `names the file: ${line}`);
      assert.match(line, pattern);
      return true;
    });
  });
}

test('a missing file is a spec error naming it', async () => {
  await assert.rejects(loadSpec(join(dir, 'absent.yaml')), /absent\.yaml: no such contract file/);
});
