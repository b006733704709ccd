import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadSpec, refinementProblems } from '../../../src/index.js';
import type { LoadedSpec, RefinementProblem } from '../../../src/index.js';
import { unpointerToken } from '../../../src/core/pointer.js';

const seed = await loadSpec('spec/versions/seed/openapi.yaml');
const refined = await loadSpec('spec/pieces-os.openapi.yaml');

/** One listed deviation of the refined contract from the seed (spec/deviations.yaml). */
interface Deviation {
  id: string;
  operation: string;
  response: string;
  seed: string;
  refined: string;
  reason: string;
  evidence: string[];
  differences: string[];
}
const deviations: Deviation[] = parse(readFileSync('spec/deviations.yaml', 'utf8')).deviations;
const said = (p: RefinementProblem) => `${p.where}: ${p.problem}`;
const listed = new Set(deviations.flatMap((d) => d.differences));
/** The differences from the seed that no deviation lists. */
const unlisted = (problems: RefinementProblem[]) => problems.map(said).filter((p) => !listed.has(p));

test('the refined contract differs from the seed only where spec/deviations.yaml says', () => {
  assert.deepEqual(unlisted(refinementProblems(seed, refined)), []);
});

test('every listed difference still occurs, under exactly one deviation', () => {
  const occurring = new Set(refinementProblems(seed, refined).map(said));
  const all = deviations.flatMap((d) => d.differences);
  assert.equal(new Set(all).size, all.length, 'a difference is listed twice');
  for (const d of deviations) for (const diff of d.differences) assert.ok(occurring.has(diff), `${d.id}: ${diff}`);
});

test('every deviation names its operation and response, what changed, a reason and evidence', () => {
  assert.equal(new Set(deviations.map((d) => d.id)).size, deviations.length, 'deviation ids are unique');
  for (const d of deviations) {
    const op = refined.operations.get(d.operation);
    assert.ok(op, `${d.id}: operation ${d.operation} is in the refined contract`);
    assert.ok(op.responses[d.response], `${d.id}: ${d.operation} documents ${d.response}`);
    for (const field of ['seed', 'refined', 'reason'] as const)
      assert.ok(typeof d[field] === 'string' && d[field].trim().length > 0, `${d.id}: ${field}`);
    assert.ok(Array.isArray(d.evidence) && d.evidence.length > 0, `${d.id}: evidence`);
    assert.ok(d.differences.length > 0, `${d.id}: differences`);
  }
});

test('evidence in this repository exists and its JSON pointer resolves', () => {
  const parsed = new Map<string, unknown>();
  const docOf = (file: string) => {
    if (!parsed.has(file)) parsed.set(file, parse(readFileSync(file, 'utf8')));
    return parsed.get(file);
  };
  for (const d of deviations) {
    for (const e of d.evidence) {
      if (!/^(spec|tests)\//.test(e)) continue; // a link or a named public source
      const [file, pointer] = e.split('#');
      assert.ok(existsSync(file), `${d.id}: ${file} exists`);
      if (!pointer) continue;
      let node: any = docOf(file);
      for (const t of pointer.split('/').slice(1).map(unpointerToken)) node = node?.[t];
      assert.ok(node !== undefined, `${d.id}: ${e} resolves`);
    }
  }
});

test('a deviating response is noted in the contract and names its deviation', () => {
  for (const d of deviations) {
    const note = refined.operations.get(d.operation)!.responses[d.response].extensions['x-pieces-upstream'] as any;
    assert.ok(note?.note && note?.shape, `${d.id}: ${d.operation} ${d.response} has an x-pieces-upstream note`);
    assert.equal(note.deviation, d.id);
  }
});

test('every seed operation keeps its path, method, operationId, parameters and statuses', () => {
  for (const op of seed.operations.values()) {
    const twin = refined.operations.get(op.operationId);
    assert.ok(twin, op.operationId);
    assert.equal(`${twin.method} ${twin.path}`, `${op.method} ${op.path}`);
    for (const p of op.parameters)
      assert.ok(
        twin.parameters.some((q) => q.in === p.in && q.name === p.name),
        `${op.operationId} ${p.name}`,
      );
    for (const s of Object.keys(op.responses)) assert.ok(s in twin.responses, `${op.operationId} ${s}`);
  }
});

/** A deep copy of the refined contract with one change applied to its dereferenced document. */
function mutated(change: (doc: any) => void): LoadedSpec {
  const copy: LoadedSpec = { ...refined, dereferenced: structuredClone(refined.dereferenced), operations: new Map() };
  change(copy.dereferenced);
  // rebuild the index over the changed document
  return { ...copy, operations: indexFor(copy.dereferenced) };
}

import { indexOperations } from '../../../src/index.js';
const indexFor = (doc: any) => indexOperations(doc);

// Each row breaks the refinement in one way; the check must name it.
const breaks: Array<[string, (doc: any) => void, RegExp]> = [
  [
    'operation removed',
    (d) => {
      delete d.paths['/user'];
    },
    /getUser.*removed/,
  ],
  [
    'path moved',
    (d) => {
      d.paths['/users'] = d.paths['/user'];
      delete d.paths['/user'];
    },
    /moved from GET \/user to GET \/users/,
  ],
  [
    'status removed',
    (d) => {
      delete d.paths['/assets/{asset}/delete'].post.responses['200'];
    },
    /deleteAsset 200.*status removed/,
  ],
  [
    'parameter removed',
    (d) => {
      d.paths['/asset/{asset}'].get.parameters = [];
    },
    /getAsset path parameter asset.*removed/,
  ],
  [
    'property removed',
    (d) => {
      delete d.paths['/models'].get.responses['200'].content['application/json'].schema.properties.iterable;
    },
    /getModelsSnapshot 200 body.iterable.*property removed/,
  ],
  [
    'property type changed',
    (d) => {
      d.paths['/assets'].get.responses['200'].content[
        'application/json'
      ].schema.properties.iterable.items.properties.name = { type: 'integer' };
    },
    /getAssetsSnapshot 200 body.iterable\[\].name.*integer/,
  ],
  [
    'media type removed',
    (d) => {
      delete d.paths['/.well-known/health'].get.responses['200'].content['text/plain'];
    },
    /getWellKnownHealth 200 text\/plain/,
  ],
];

for (const [name, change, pattern] of breaks) {
  test(`the refinement check catches: ${name}`, () => {
    const problems = unlisted(refinementProblems(seed, mutated(change)));
    assert.ok(problems.length > 0, 'a difference no deviation lists is reported');
    assert.match(problems.join('\n'), pattern);
  });
}
