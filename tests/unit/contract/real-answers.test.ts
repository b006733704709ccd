/** Answers real Pieces OS builds gave (tests/unit/fixtures/real-answers/) validate against the refined contract, strict and lenient. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildValidators, loadSpec, matchOperation, pathMatchers } from '../../../src/index.js';

const DIR = 'tests/unit/fixtures/real-answers';

/** One captured answer and where it comes from (see the folder's README). */
interface RealAnswer {
  what: string;
  request: string;
  operation?: string;
  schema?: string;
  route?: { method: string; path: string };
  status?: number;
  contentType?: string;
  body: unknown;
  provenance: { build: string; source: string; note: string };
}

const spec = await loadSpec('spec/pieces-os.openapi.yaml');
const modes = { strict: buildValidators(spec, 'strict'), lenient: buildValidators(spec, 'lenient') };
const answers = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, answer: JSON.parse(readFileSync(join(DIR, f), 'utf8')) as RealAnswer }));

test('the real answers are there, each with its provenance', () => {
  assert.ok(answers.length >= 5, `${answers.length} real answers`);
  for (const { file, answer } of answers) {
    const p = answer.provenance;
    assert.ok(answer.what && answer.request, `${file}: what and request`);
    assert.ok(p?.build && p.source && p.note, `${file}: provenance build, source and note`);
    assert.ok(answer.operation || answer.schema, `${file}: an operation or a schema to validate against`);
  }
});

for (const { file, answer } of answers) {
  for (const [mode, validators] of Object.entries(modes)) {
    test(`real answer ${file} validates against the refined contract (${mode})`, () => {
      const result = answer.operation
        ? validators.validateResponse(
            answer.operation,
            answer.status!,
            answer.contentType,
            typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body),
          )
        : validators.validateAt(answer.schema!, answer.body, 'response body');
      assert.equal(result.checked, true, `${file}: the contract documents a schema for it`);
      assert.deepEqual(
        result.diagnostics.map((d) => `${d.severity}: ${d.message}`),
        [],
      );
    });
  }
}

test('a real unknown route is one no operation of the contract serves', () => {
  const matchers = pathMatchers(spec.operations.values());
  for (const { file, answer } of answers.filter((a) => a.answer.route)) {
    const { method, path } = answer.route!;
    assert.equal(matchOperation(matchers, method, path), undefined, `${file}: ${method} ${path}`);
    assert.equal(answer.status, 404);
    assert.equal(answer.contentType, 'text/plain');
  }
});
