import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { ContractVersion, Json } from '../../../src/compat/types.js';
import { loadVersions } from '../../../src/compat/versions.js';
import { viewOf } from '../../../src/compat/view.js';

describe('spec/versions/index.yaml and the reduced upstream contracts', () => {
  let versions: ContractVersion[];
  before(async () => {
    versions = await loadVersions();
  });

  test('lists seed, three upstream documents and the refined contract, in order', () => {
    assert.deepEqual(
      versions.map((v) => [v.id, v.file, v.refined === true]),
      [
        ['seed', 'spec/versions/seed/openapi.yaml', false],
        ['upstream-2024-09', 'spec/versions/upstream/2024-09-05_csharp-sdk-f89979e/openapi.yaml', false],
        ['upstream-2025-01', 'spec/versions/upstream/2025-01-09_csharp-sdk-43cbd56/openapi.yaml', false],
        ['upstream-2025-02', 'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml', false],
        ['refined', 'spec/pieces-os.openapi.yaml', true],
      ],
    );
  });

  const upstreamIds = ['upstream-2024-09', 'upstream-2025-01', 'upstream-2025-02'];
  for (const id of upstreamIds) {
    test(`${id}: the 28 seed operations (seed ids recorded) and the 4 neighbours, nothing else`, () => {
      const seedOps = viewOf(versions.find((v) => v.id === 'seed')!.doc).operations;
      const ops = viewOf(versions.find((v) => v.id === id)!.doc).operations;
      assert.equal(ops.size, 32);
      for (const [key, op] of seedOps) assert.equal(ops.get(key)?.op['x-seed-operation-id'], op.id, key);
      const neighbours = [...ops.values()]
        .filter((o) => o.op['x-pieces-neighbour'] === true)
        .map((o) => o.id)
        .sort();
      assert.deepEqual(neighbours, ['cancelModelDownload', 'connect', 'deleteConversation', 'modelDownloadProgress']);
    });

    test(`${id}: no prose left (descriptions only the reason phrase on responses)`, () => {
      const doc = versions.find((v) => v.id === id)!.doc;
      const found: string[] = [];
      const walk = (n: unknown, path: string, inNames: boolean): void => {
        if (Array.isArray(n)) {
          n.forEach((x, i) => walk(x, `${path}/${i}`, false));
          return;
        }
        if (typeof n !== 'object' || n === null) return;
        for (const [k, v] of Object.entries(n as Json)) {
          const named =
            inNames || k === 'properties' || k === 'schemas' || k === 'paths' || k === 'responses' || k === 'content';
          if (!inNames && ['summary', 'example', 'examples', 'title'].includes(k) && path !== '/info')
            found.push(`${path}/${k}`);
          if (!inNames && k.startsWith('x-stoplight')) found.push(`${path}/${k}`);
          if (!inNames && k === 'description' && !/\/responses\/[^/]+$/.test(path)) found.push(`${path}/${k}`);
          walk(v, `${path}/${k}`, named && !inNames);
        }
      };
      walk(doc, '', false);
      assert.deepEqual(found, []);
    });
  }
});
