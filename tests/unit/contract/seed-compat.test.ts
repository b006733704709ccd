import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSpec, refinementProblems } from '../../../src/index.js';
import type { LoadedSpec } from '../../../src/index.js';

const seed = await loadSpec('spec/versions/seed/openapi.yaml');
const refined = await loadSpec('spec/pieces-os.openapi.yaml');

test('the refined contract is a compatible refinement of the seed', () => {
  assert.deepEqual(refinementProblems(seed, refined), []);
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

test('the known seed-vs-upstream differences are written down in the contract', () => {
  for (const id of ['searchAssets', 'qgptRelevance', 'getUser']) {
    const note = refined.operations.get(id)!.responses['200'].extensions['x-pieces-upstream'] as any;
    assert.ok(note?.note && note?.shape, `${id} has an x-pieces-upstream note`);
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
    const problems = refinementProblems(seed, mutated(change));
    assert.ok(problems.length > 0, 'a problem is reported');
    assert.match(problems.map((p) => `${p.where}: ${p.problem}`).join('\n'), pattern);
  });
}
