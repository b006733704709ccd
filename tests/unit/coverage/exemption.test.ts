/** When the coverage gate only reports: shards, test filters, and PIECES_COVERAGE_GATE. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exemptOperations, gateExemption } from '../../global-teardown.js';

const rows: Array<
  [string, string[], Record<string, string>, { current: number; total: number } | null, RegExp | undefined]
> = [
  ['a whole run enforces', ['node', 'cli.js', 'test'], {}, null, undefined],
  [
    'projects and reporters are not filters',
    ['node', 'cli.js', 'test', '--project', 'contract', '--reporter=list,json', '--workers', '2'],
    {},
    null,
    undefined,
  ],
  [
    'a file filter reports only',
    ['node', 'cli.js', 'test', 'tests/contract/assets.spec.ts'],
    {},
    null,
    /file filter tests\/contract\/assets\.spec\.ts/,
  ],
  ['--grep reports only', ['node', 'cli.js', 'test', '--grep', 'Assets'], {}, null, /--grep filters the tests/],
  ['a shard reports only', ['node', 'cli.js', 'test'], {}, { current: 1, total: 2 }, /shard 1\/2/],
  [
    'PIECES_COVERAGE_GATE=off',
    ['node', 'cli.js', 'test'],
    { PIECES_COVERAGE_GATE: 'off' },
    null,
    /PIECES_COVERAGE_GATE=off/,
  ],
  [
    'PIECES_COVERAGE_GATE=enforce wins over a filter',
    ['node', 'cli.js', 'test', '-g', 'x'],
    { PIECES_COVERAGE_GATE: 'enforce' },
    null,
    undefined,
  ],
];

for (const [name, argv, env, shard, expected] of rows) {
  test(name, () => {
    const got = gateExemption({ shard }, argv, env);
    if (expected) assert.match(got ?? '', expected);
    else assert.equal(got, undefined);
  });
}

test('exempt operations: writes in a read-only run, download progress on a live target without downloads', () => {
  assert.deepEqual([...exemptOperations({})], []);
  assert.deepEqual([...exemptOperations({ PIECES_TARGET_KIND: 'emulator' })], []);
  assert.deepEqual([...exemptOperations({ PIECES_TARGET_KIND: 'live' })], ['modelDownloadProgress']);
  assert.deepEqual([...exemptOperations({ PIECES_TARGET_KIND: 'live', PIECES_ALLOW_DOWNLOADS: '1' })], []);
  const ro = exemptOperations({ PIECES_READONLY: '1' });
  assert.ok(
    ro.has('createAsset') && ro.has('closeApplicationSession') && !ro.has('getAsset') && !ro.has('searchAssets'),
  );
  assert.ok(
    ro.has('deleteConversation') && ro.has('qgptStream'),
    'a streamed question starts a conversation: not asked in a read-only run',
  );
});
