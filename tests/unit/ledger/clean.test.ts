/**
 * Cleaning a target after an interrupted run, on an emulator: the ledger's leftovers are removed
 * and only those (the user's asset stays), models are put back (the one the run loaded unloaded,
 * the one the user had loaded loaded again), and the ledger goes.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/index.js';
import { ApiClient, fetchTransport } from '../../../src/client/index.js';
import { loadSpec } from '../../../src/contract/load.js';
import { BUNDLED_CONTRACT } from '../../../src/contract/index.js';
import { cleanTarget, modelStates, targetLedgerDir } from '../../../src/ledger/index.js';

const dir = mkdtempSync(join(tmpdir(), 'pc-clean-unit-'));
const env = { PIECES_LEDGER_DIR: dir };
let emu: RunningEmulator;
let api: ApiClient;

before(async () => {
  emu = await startEmulator({ port: 0, memory: true, downloadMs: 50 });
  api = new ApiClient({ baseUrl: emu.url, spec: await loadSpec(BUNDLED_CONTRACT), transport: fetchTransport() });
});
after(async () => {
  await emu?.close();
  rmSync(dir, { recursive: true, force: true });
});

const APP = {
  id: 'a',
  name: 'OPEN_SOURCE',
  version: '1',
  platform: 'LINUX',
  onboarded: true,
  privacy: 'OPEN',
} as const;
async function asset(name: string): Promise<string> {
  const r = await api.callLoose('createAsset', {
    body: {
      type: 'SEEDED_ASSET',
      asset: { application: APP, format: { fragment: { string: { raw: 'x' } } }, metadata: { name } },
    },
  });
  return (r.data as { id: string }).id;
}

test("an interrupted run's leftovers go, the user's things stay, models are restored, the ledger is removed", async () => {
  const users = await asset('the user’s');
  const models = await modelStates(api);
  const preinstalled = models.find((m) => m.downloaded)!;
  // The user had it loaded before the run.
  await api.callLoose('loadModel', { path: { model: preinstalled.id } });
  const before = await modelStates(api);
  // The run: an asset, a session; it unloaded the user's model (a test's cleanup did, say).
  const runs = await asset('pieces-conformance:left');
  const session = (await api.callLoose('openApplicationSession')).data as { id: string };
  await api.callLoose('unloadModel', { path: { model: preinstalled.id } });
  const lines = [
    { type: 'run', run: 'r', target: emu.url, pid: 2 ** 31 - 2, host: hostname(), started: 't' },
    ...before.map((m) => ({ type: 'model', ...m })),
    { type: 'created', kind: 'asset', id: runs, at: 't' },
    { type: 'created', kind: 'session', id: session.id, at: 't' },
  ];
  const folder = targetLedgerDir(emu.url, env);
  const { mkdirSync } = await import('node:fs');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'r.jsonl'), `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);

  const r = await cleanTarget(api, emu.url, env);
  assert.deepEqual(r.failed, []);
  assert.deepEqual(r.swept, ['r.jsonl']);
  assert.equal((await api.callLoose('getAsset', { path: { asset: runs } })).status, 410);
  assert.equal((await api.callLoose('getAsset', { path: { asset: users } })).status, 200);
  assert.equal(((await api.callLoose('getModel', { path: { model: preinstalled.id } })).data as any).loaded, true);
  assert.ok(
    r.done.some((d) => d.includes(session.id)),
    'the session was closed',
  );
  assert.deepEqual(readdirSync(folder), []);
});

test('a creation the run named but never recorded (killed between answer and ledger line) is found by its marked name', async () => {
  const users = await asset('pieces-conformance-like but the user’s');
  const lookalike = await asset('pieces-conformance:unrecorded-x');
  const unrecorded = await asset('pieces-conformance:unrecorded');
  const conversation = (
    await api.callLoose('createConversation', { body: { type: 'COPILOT', name: 'pieces-conformance:talk' } })
  ).data as { id: string };
  const lines = [
    { type: 'run', run: 'n', target: emu.url, pid: 2 ** 31 - 2, host: hostname(), started: 't' },
    { type: 'creating', kind: 'asset', name: 'pieces-conformance:unrecorded', at: 't' },
    { type: 'creating', kind: 'conversation', name: 'pieces-conformance:talk', at: 't' },
    // A name without the marker is never matched, whatever the ledger says.
    { type: 'creating', kind: 'asset', name: 'pieces-conformance-like but the user’s', at: 't' },
  ];
  const folder = targetLedgerDir(emu.url, env);
  const { mkdirSync } = await import('node:fs');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'n.jsonl'), `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);

  const r = await cleanTarget(api, emu.url, env);
  assert.deepEqual(r.failed, []);
  assert.deepEqual(r.swept, ['n.jsonl']);
  assert.equal((await api.callLoose('getAsset', { path: { asset: unrecorded } })).status, 410);
  assert.equal((await api.callLoose('getConversation', { path: { conversation: conversation.id } })).status, 410);
  assert.equal((await api.callLoose('getAsset', { path: { asset: users } })).status, 200, "the user's asset stays");
  assert.equal((await api.callLoose('getAsset', { path: { asset: lookalike } })).status, 200, 'only exact names match');
  assert.ok(r.done.some((d) => d.includes(unrecorded) && d.includes('found by its marked name')));
});
