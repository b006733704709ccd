/**
 * The promise to someone's real Pieces OS, end to end: an emulator started apart plays a live
 * target (the harness sees `kind: live`, through a proxy that counts what reaches it) holding the
 * user's own asset, conversation, open session and loaded model. A read-only run sends no write and
 * no prompt and changes nothing (`diff --readonly` neither); an interrupted run's leftovers are
 * removed by `clean` and by the next run, and only those; a full run keeps the user's data, models
 * and session, removes what it created, and names a real application and model in its requests;
 * a run with downloads allowed downloads exactly one model, the smallest, and changes nothing else.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../emulator/index.js';
import { BUNDLED_CONTRACT } from '../../src/contract/index.js';
import { loadSpec } from '../../src/contract/load.js';
import { PROMPT_OPERATIONS, WRITE_OPERATIONS } from '../../src/target/safety.js';
import { cli, removeScratch, scratch } from './helpers.js';
import { interruptedRun } from './interruptedRun.js';
import { startCountingProxy, type CountingProxy } from './countingProxy.js';
import { canaryDamage, readCanary, type Canary } from '../fixtures/canary.js';

let emu: RunningEmulator;
let proxy: CountingProxy;
const ledgers = scratch('ledgers');
const env = { PIECES_LEDGER_DIR: ledgers };
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
  const line = (x: any) => `${x.id} ${x.name} ${x.updated?.value}`;
  return {
    assets: (await call('GET', '/assets?transferables=false')).iterable.map(line).sort(),
    conversations: (await call('GET', '/conversations?transferables=false')).iterable.map(line).sort(),
    applications: (await call('GET', '/applications')).iterable
      .map((a: any) => `${a.id} ${a.name} ${a.version}`)
      .sort(),
    models: (await call('GET', '/models')).iterable
      .map((m: any) => `${m.id} downloaded=${m.downloaded} loaded=${m.loaded}`)
      .sort(),
  };
}

/** Asserts the user's things are as they were: assets, conversations and models exactly; applications kept. */
async function assertAsFound(when: string): Promise<void> {
  const now = await snapshot();
  assert.deepEqual(canaryDamage(canary, await readCanary((path) => call('GET', path))), [], `${when}: the user's data`);
  assert.deepEqual(now.assets, users.assets, `${when}: only the user's asset is left, unchanged`);
  assert.deepEqual(now.conversations, users.conversations, `${when}: only the user's conversation is left, unchanged`);
  assert.deepEqual(now.models, users.models, `${when}: every model as it was (the user's loaded model still loaded)`);
  for (const app of users.applications) assert.ok(now.applications.includes(app), `${when}: ${app} unchanged`);
}

/** The ledger files left in the test's ledger folder. */
function ledgerFiles(): string[] {
  if (!existsSync(ledgers)) return [];
  return readdirSync(ledgers).flatMap((d) =>
    readdirSync(join(ledgers, d))
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => join(ledgers, d, f)),
  );
}

let users: Snapshot;
/** The user's assets (content included) and conversations, compared after each run. */
let canary: Canary;
let usersSession: string;
let loadedModel: string;

before(async () => {
  emu = await startEmulator({ port: 0, memory: true, downloadMs: 300 });
  proxy = await startCountingProxy(emu.url, await loadSpec(BUNDLED_CONTRACT), [
    'createAsset',
    'qgptQuestion',
    'qgptRelevance',
    'qgptReprompt',
    'qgptStream',
  ]);
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
  usersSession = (await call('POST', '/applications/session/open')).id;
  const downloaded = (await call('GET', '/models')).iterable.find((m: any) => !m.cloud && m.downloaded);
  assert.ok(downloaded, 'the emulator starts with a downloaded local model');
  loadedModel = downloaded.id;
  await call('POST', `/model/${loadedModel}/load`);
  users = await snapshot();
  canary = await readCanary((path) => call('GET', path));
});
after(async () => {
  await proxy?.close();
  await emu?.close();
  removeScratch();
});

test('a read-only run sends no write and no prompt, and changes nothing; so does diff --readonly', async () => {
  proxy.reset();
  const run = await cli(
    ['run', '--target', proxy.url, '--readonly', '--no-html', '--reports-dir', scratch('readonly')],
    env,
  );
  assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
  assert.match(run.stdout, /0 failed, [1-9]\d* skipped/);
  const sent = [...proxy.counts.operations].filter(([op]) => WRITE_OPERATIONS.has(op) || PROMPT_OPERATIONS.has(op));
  assert.deepEqual(sent, [], 'no write and no QGPT request reached the target');
  assert.equal(proxy.counts.streamedPrompts, 0, 'no prompt on /qgpt/stream');
  assert.ok((proxy.counts.operations.get('getModelsSnapshot') ?? 0) > 0, 'the proxy saw the run');
  assert.deepEqual(await snapshot(), users);

  proxy.reset();
  const diff = await cli(['diff', '--target', proxy.url, '--readonly', '--reports-dir', scratch('diff')], env);
  assert.ok(diff.code === 0 || diff.code === 1, `${diff.stdout}\n${diff.stderr}`);
  const diffSent = [...proxy.counts.operations].filter(([op]) => WRITE_OPERATIONS.has(op) || PROMPT_OPERATIONS.has(op));
  assert.deepEqual(diffSent, [], 'diff --readonly sent no write and no prompt');
  assert.equal(proxy.counts.streamedPrompts, 0);
  assert.deepEqual(await snapshot(), users);
});

test("clean removes an interrupted run's leftovers, and only those", async () => {
  await interruptedRun(proxy.url, env, scratch('interrupted'));
  assert.equal(ledgerFiles().length, 1, 'the interrupted run left its ledger');
  assert.notDeepEqual((await snapshot()).assets, users.assets, 'the interrupted run left assets behind');
  const clean = await cli(['clean', '--target', proxy.url], env);
  assert.equal(clean.code, 0, `${clean.stdout}\n${clean.stderr}`);
  assert.match(clean.stdout, /1 ledger swept/);
  assert.deepEqual(ledgerFiles(), [], 'the swept ledger is gone');
  await assertAsFound('after clean');
});

test("a full run sweeps an interrupted run's leftovers, keeps the user's data, models and session, and names a real application and model", async () => {
  await interruptedRun(proxy.url, env, scratch('interrupted'));
  proxy.reset();
  const run = await cli(['run', '--target', proxy.url, '--no-html', '--reports-dir', scratch('live')], env);
  assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
  assert.match(run.stdout, /leftovers? of earlier runs removed/);
  await assertAsFound('after a full run');
  for (const app of (await snapshot()).applications.filter((a) => !users.applications.includes(a)))
    assert.match(app, /pieces-conformance/, `an application the run connected carries the marker: ${app}`);
  assert.deepEqual(ledgerFiles(), [], 'a finished run leaves no ledger');
  // The user's session is still open: closing it now succeeds.
  const closed = await fetch(`${emu.url}/applications/session/close`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(usersSession),
  });
  assert.equal(closed.status, 200, "the user's session was left open");
  usersSession = (await call('POST', '/applications/session/open')).id;
  // What a real client sends: seeds and QGPT inputs name an application and a model the target lists.
  const apps = new Set((await call('GET', '/applications')).iterable.map((a: any) => a.id));
  const models = new Set((await call('GET', '/models')).iterable.map((m: any) => m.id));
  const seeds = (proxy.counts.bodies.get('createAsset') ?? []) as any[];
  assert.ok(seeds.length > 0);
  const named = seeds.map((s) => s?.asset?.application?.id).filter((id) => typeof id === 'string');
  assert.ok(named.length > 0 && named.every((id) => apps.has(id)), 'every seed names a listed application');
  // Streamed questions (not the deliberately malformed ones) name both; REST inputs (negative
  // variants among them) name listed ones where they name any.
  const streamed = ((proxy.counts.bodies.get('qgptStream') ?? []) as any[])
    .map((f) => f.question ?? f.relevance)
    .filter((x) => typeof x?.query === 'string');
  assert.ok(streamed.length > 0, 'the run streamed questions');
  for (const input of streamed) {
    assert.ok(apps.has(input.application), `a streamed question names a listed application: ${JSON.stringify(input)}`);
    assert.ok(models.has(input.model), `a streamed question names a listed model: ${JSON.stringify(input)}`);
  }
  const rest = ['qgptQuestion', 'qgptRelevance', 'qgptReprompt'].flatMap(
    (op) => (proxy.counts.bodies.get(op) ?? []) as any[],
  );
  assert.ok(
    rest.some((x) => typeof x?.model === 'string'),
    'REST questions name a model',
  );
  for (const x of rest) {
    if (typeof x?.application === 'string') assert.ok(apps.has(x.application), `listed application: ${x.application}`);
    if (typeof x?.model === 'string') assert.ok(models.has(x.model), `listed model: ${x.model}`);
  }
});

test('with downloads allowed, a run downloads exactly one model, the smallest, and changes nothing else', async () => {
  const before = (await call('GET', '/models')).iterable;
  const size = (m: any) => m.bytes?.value ?? Number.POSITIVE_INFINITY;
  const smallest = before.filter((m: any) => !m.cloud && !m.downloaded).sort((a: any, b: any) => size(a) - size(b))[0];
  const run = await cli(
    [
      'run',
      '--target',
      proxy.url,
      '--allow-downloads',
      '--suite',
      'contract,stream',
      '--grep',
      '@Models',
      '--no-html',
      '--reports-dir',
      scratch('downloads'),
    ],
    env,
  );
  assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
  const after = (await call('GET', '/models')).iterable;
  const changed = after.filter((m: any) => {
    const was = before.find((b: any) => b.id === m.id);
    return was.downloaded !== m.downloaded || was.loaded !== m.loaded || m.downloading === true;
  });
  assert.deepEqual(
    changed.map((m: any) => [m.id, m.downloaded, m.loaded]),
    [[smallest.id, true, false]],
    'only the smallest model changed: downloaded, not loaded',
  );
  const now = await snapshot();
  assert.deepEqual(now.assets, users.assets);
  assert.deepEqual(now.conversations, users.conversations);
  assert.deepEqual(ledgerFiles(), []);
});
