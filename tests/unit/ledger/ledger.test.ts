/** The run ledger: lines appended as a run goes, read back as leftovers; folders per target; runs still going left alone. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  findLedgers,
  ledgerRoot,
  parseLedger,
  RunLedger,
  targetKey,
  targetLedgerDir,
} from '../../../src/ledger/index.js';

const dir = mkdtempSync(join(tmpdir(), 'pc-ledger-unit-'));
const env = { PIECES_LEDGER_DIR: dir };
test.after(() => rmSync(dir, { recursive: true, force: true }));

test('a ledger lists what was created and not removed; a torn last line is skipped', () => {
  const text = [
    JSON.stringify({ type: 'run', run: 'r', target: 'http://x', pid: 1, host: 'h', started: 't' }),
    JSON.stringify({ type: 'model', id: 'm1', downloaded: true, loaded: true, downloading: false }),
    JSON.stringify({ type: 'created', kind: 'asset', id: 'a1', at: 't' }),
    JSON.stringify({ type: 'created', kind: 'asset', id: 'a2', at: 't' }),
    JSON.stringify({ type: 'removed', kind: 'asset', id: 'a1', at: 't' }),
    JSON.stringify({ type: 'created', kind: 'session', id: 's1', at: 't' }),
    '{"type":"created","kind":"conver',
  ].join('\n');
  const state = parseLedger(text);
  assert.equal(state.header?.run, 'r');
  assert.deepEqual(state.leftovers, [
    { kind: 'asset', id: 'a2' },
    { kind: 'session', id: 's1' },
  ]);
  assert.deepEqual(
    state.models.map((m) => [m.id, m.loaded]),
    [['m1', true]],
  );
});

test('the ledger root: PIECES_LEDGER_DIR, else XDG_STATE_HOME, never inside reports/', () => {
  assert.equal(ledgerRoot(env), dir);
  if (process.platform === 'linux')
    assert.equal(ledgerRoot({ XDG_STATE_HOME: '/state' }), join('/state', 'pieces-conformance', 'ledger'));
  assert.match(targetKey('http://127.0.0.1:39300/'), /^127\.0\.0\.1_39300-[0-9a-f]{8}$/);
  assert.equal(targetKey('http://127.0.0.1:39300/'), targetKey('http://127.0.0.1:39300'));
  assert.notEqual(targetKey('http://127.0.0.1:39300'), targetKey('http://127.0.0.1:39301'));
});

test('a run appends to its own file; a finished run leaves none; another process finds only interrupted ones', () => {
  const target = 'http://127.0.0.1:1';
  const ledger = RunLedger.start(target, env);
  ledger.created('asset', 'a1');
  ledger.created('download', 'm1');
  ledger.removed('download', 'm1');
  assert.deepEqual(ledger.read().leftovers, [{ kind: 'asset', id: 'a1' }]);
  // This process wrote it: to the next run (another pid) it is not "running" only once the writer is gone.
  const interrupted = join(targetLedgerDir(target, env), '0000-old.jsonl');
  writeFileSync(
    interrupted,
    `${JSON.stringify({ type: 'run', run: 'old', target, pid: 2 ** 31 - 2, host: hostname(), started: 't' })}\n`,
  );
  const found = findLedgers(target, env, ledger.file);
  assert.deepEqual(
    found.map((f) => [f.file, f.running]),
    [[interrupted, false]],
  );
  ledger.close();
  rmSync(interrupted);
  assert.deepEqual(readdirSync(targetLedgerDir(target, env)), []);
});

test('a ledger whose writer is alive on this machine is a run still going', () => {
  const target = 'http://127.0.0.1:2';
  const file = join(targetLedgerDir(target, env), 'live.jsonl');
  RunLedger.start(target, env).close();
  writeFileSync(
    file,
    `${JSON.stringify({ type: 'run', run: 'live', target, pid: process.ppid, host: hostname(), started: 't' })}\n`,
  );
  assert.deepEqual(
    findLedgers(target, env).map((f) => f.running),
    [true],
  );
});
