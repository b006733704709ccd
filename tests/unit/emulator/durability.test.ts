/**
 * Emulator durability: a restart on the same data directory keeps everything; `kill -9` of the
 * CLI loses no acknowledged write; concurrent writers lose nothing.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../../../emulator/index.js';
import { seed } from './helpers.js';

const BIN = fileURLToPath(new URL('../../../bin/pieces-os-emulator.mjs', import.meta.url));
const PHI = '8b6f1f7e-fe62-4c20-9a2a-85bec36b7480';

const dirs: string[] = [];
function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'pieces-emulator-test-'));
  dirs.push(d);
  return d;
}
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function post(url: string, body?: unknown): Promise<any> {
  const r = await fetch(
    url,
    body === undefined
      ? { method: 'POST' }
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );
  assert.equal(r.status, 200, await r.clone().text());
  return r.headers.get('content-type')?.startsWith('application/json') ? r.json() : r.text();
}

/** Spawns the CLI and resolves with the URL of its first stdout line. */
function spawnCli(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr!.on('data', (d) => {
      err += d;
    });
    child.stdout!.on('data', (d) => {
      out += d;
      const first = out.split('\n')[0];
      const m = /^pieces-os-emulator listening on (http:\/\/\S+)$/.exec(first);
      if (out.includes('\n')) m ? resolve({ child, url: m[1] }) : reject(new Error(`unexpected first line: ${first}`));
    });
    child.on('exit', (code) => reject(new Error(`CLI exited ${code}: ${err}`)));
  });
}

// Independent data directories and ports: the cases run side by side.
describe('emulator durability', { concurrency: true }, () => {
  test('a restart on the same data directory keeps assets, conversations, models, apps and sessions', async () => {
    const dir = dataDir();
    const first = await startEmulator({ port: 0, dataDir: dir });
    const asset = await post(`${first.url}/assets/create`, seed('persist me 💾\u0000', { name: 'Kept' }));
    const conv = await post(`${first.url}/conversations/create`, { type: 'COPILOT', name: 'Kept chat' });
    const gone = await post(`${first.url}/conversations/create`, { type: 'COPILOT', name: 'Deleted chat' });
    assert.equal((await fetch(`${first.url}/conversations/${gone.id}/delete`, { method: 'POST' })).status, 204);
    await post(`${first.url}/model/${PHI}/load`);
    const app = await post(`${first.url}/connect`, { application: { name: 'VIM', platform: 'LINUX', version: '9' } });
    const session = await post(`${first.url}/applications/session/open`);
    const version = await (await fetch(`${first.url}/user`)).json();
    await first.close();

    const second = await startEmulator({ port: 0, dataDir: dir });
    try {
      const got = await (await fetch(`${second.url}/asset/${asset.id}`)).json();
      assert.equal(got.original.reference.fragment.string.raw, 'persist me 💾\u0000');
      assert.equal(got.name, 'Kept');
      assert.equal((await (await fetch(`${second.url}/conversation/${conv.id}`)).json()).name, 'Kept chat');
      assert.equal(
        (await fetch(`${second.url}/conversation/${gone.id}`)).status,
        410,
        'a deleted conversation stays deleted',
      );
      assert.equal((await (await fetch(`${second.url}/model/${PHI}`)).json()).loaded, true);
      const apps = await (await fetch(`${second.url}/applications`)).json();
      assert.ok(apps.iterable.some((a: any) => a.id === app.application.id));
      const closed = await post(`${second.url}/applications/session/close`, session.id);
      assert.ok(closed.closed);
      assert.equal((await (await fetch(`${second.url}/user`)).json()).id, version.id);
      const search = await (
        await fetch(`${second.url}/assets/search`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"query":"persist"}',
        })
      ).json();
      assert.equal(search.results.iterable[0].identifier, asset.id);
    } finally {
      await second.close();
    }
  });

  test('kill -9 of the CLI loses no acknowledged write', async () => {
    const dir = dataDir();
    const { child, url } = await spawnCli(['--data', dir]);
    const acked: string[] = [];
    try {
      // Sequential and concurrent writes; only answered ones count as acknowledged.
      for (let i = 0; i < 20; i++) acked.push((await post(`${url}/assets/create`, seed(`sequential ${i}`))).id);
      const batch = await Promise.all(
        Array.from({ length: 40 }, (_, i) => post(`${url}/assets/create`, seed(`concurrent ${i}`))),
      );
      acked.push(...batch.map((a) => a.id));
      await post(`${url}/assets/${acked[0]}/delete`);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
    const again = await startEmulator({ port: 0, dataDir: dir });
    try {
      const snapshot = await (await fetch(`${again.url}/assets?transferables=false`)).json();
      const ids = new Set(snapshot.iterable.map((a: any) => a.id));
      assert.equal(ids.has(acked[0]), false, 'the acknowledged delete survives too');
      for (const id of acked.slice(1)) assert.ok(ids.has(id), `lost acknowledged asset ${id}`);
      assert.equal(ids.size, acked.length - 1);
    } finally {
      await again.close();
    }
  });

  test('the CLI exits cleanly (0) on SIGTERM', async () => {
    const { child } = await spawnCli(['--memory']);
    const code = await new Promise((r) => {
      child.removeAllListeners('exit');
      child.once('exit', r);
      child.kill('SIGTERM');
    });
    assert.equal(code, 0);
  });

  test('concurrent creates and updates from many clients lose nothing', async () => {
    const em = await startEmulator({ port: 0 });
    try {
      const created = await Promise.all(
        Array.from({ length: 100 }, (_, i) => post(`${em.url}/assets/create`, seed(`parallel ${i}`))),
      );
      await Promise.all(created.map((a, i) => post(`${em.url}/asset/update`, { ...a, name: `renamed ${i}` })));
      const snapshot = await (await fetch(`${em.url}/assets?transferables=false`)).json();
      assert.equal(snapshot.iterable.length, 100);
      const names = new Set(snapshot.iterable.map((a: any) => a.name));
      for (let i = 0; i < 100; i++) assert.ok(names.has(`renamed ${i}`));
    } finally {
      await em.close();
    }
  });
});
