/**
 * The promise to someone's real Pieces OS, end to end: an emulator started apart plays a live
 * target (the harness sees `kind: live`) holding the user's own asset, conversation and session.
 * A read-only run leaves every resource exactly as it was; a full run leaves the user's resources
 * untouched and removes every asset and conversation it created (streamed questions included).
 * Applications have no delete operation: the ones a run registers stay, named with the marker.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { cli, removeScratch, scratch } from './helpers.js';
import { canaryDamage, readCanary, type Canary } from '../fixtures/canary.js';

let emu: RunningEmulator;
const APP = {
  id: '7d1f0c52-3c0e-4f55-9d7a-2b8f7c1e9a01',
  name: 'VS_CODE',
  version: '1.2.3',
  platform: 'LINUX',
  onboarded: true,
  privacy: 'OPEN',
};

async function call(method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${emu.url}${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  assert.ok(res.ok, `${method} ${path}: ${res.status}`);
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}

/** Everything a run could touch, as comparable values (ids, names, update times, model flags). */
interface Snapshot {
  assets: string[];
  conversations: string[];
  applications: string[];
  models: string[];
}

async function snapshot(): Promise<Snapshot> {
  const assets = (await call('GET', '/assets?transferables=false')).iterable
    .map((a: any) => `${a.id} ${a.name} ${a.updated?.value}`)
    .sort();
  const conversations = (await call('GET', '/conversations?transferables=false')).iterable
    .map((c: any) => `${c.id} ${c.name} ${c.updated?.value}`)
    .sort();
  const applications = (await call('GET', '/applications')).iterable
    .map((a: any) => `${a.id} ${a.name} ${a.version}`)
    .sort();
  const models = (await call('GET', '/models')).iterable
    .map((m: any) => `${m.id} downloaded=${m.downloaded} loaded=${m.loaded}`)
    .sort();
  return { assets, conversations, applications, models };
}

let users: Snapshot;
/** The user's assets (content included) and conversations, compared after each run. */
let canary: Canary;

before(async () => {
  emu = await startEmulator({ port: 0, memory: true });
  await call('POST', '/applications/register', APP);
  await call('POST', '/assets/create', {
    type: 'SEEDED_ASSET',
    asset: {
      application: APP,
      format: { fragment: { string: { raw: 'const mine = 1;\n' }, metadata: { ext: 'js' } } },
      metadata: { name: 'My own snippet' },
    },
  });
  await call('POST', '/conversations/create', {
    type: 'COPILOT',
    name: 'My own chat',
    messages: [{ role: 'USER', fragment: { string: { raw: 'hello' } } }],
  });
  await call('POST', '/applications/session/open');
  users = await snapshot();
  canary = await readCanary((path) => call('GET', path));
});
after(async () => {
  await emu?.close();
  removeScratch();
});

test('a read-only run against a live target passes and changes nothing', async () => {
  const run = await cli(['run', '--target', emu.url, '--readonly', '--no-html', '--reports-dir', scratch('readonly')]);
  assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
  assert.match(run.stdout, /0 failed, [1-9]\d* skipped/);
  assert.deepEqual(await snapshot(), users);
});

test("a full run against a live target keeps the user's data and removes what it created", async () => {
  const run = await cli(['run', '--target', emu.url, '--no-html', '--reports-dir', scratch('live')]);
  assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
  const now = await snapshot();
  assert.deepEqual(canaryDamage(canary, await readCanary((path) => call('GET', path))), []);
  assert.deepEqual(now.assets, users.assets, "only the user's asset is left, unchanged");
  assert.deepEqual(now.conversations, users.conversations, "only the user's conversation is left, unchanged");
  assert.deepEqual(
    now.models,
    users.models,
    'no model downloaded, loaded or unloaded without PIECES_ALLOW_DOWNLOADS=1',
  );
  for (const app of users.applications)
    assert.ok(now.applications.includes(app), `the user's application ${app} is unchanged`);
  for (const app of now.applications.filter((a) => !users.applications.includes(a))) {
    assert.match(app, /pieces-conformance/, `an application the run registered carries the marker: ${app}`);
  }
});
