/** Emulator Models handlers: catalogue, the local state machine, download progress over WebSocket. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { WebSocket } from 'ws';
import { startEmulator, type RunningEmulator } from '../../../emulator/index.js';
import { assertConforms, call, makeEmulator, strictValidator, type TestEmulator } from './helpers.js';

const PHI = '8b6f1f7e-fe62-4c20-9a2a-85bec36b7480'; // local, preinstalled (downloaded)
const LLAMA = '2bf90807-c916-4196-9aa8-9a3d90f35ef1'; // local, not downloaded
const GPT = 'c15fe6df-f326-4b7f-ad82-418bcc5727fc'; // cloud

/** Collects the frames of a progress socket until a terminal status (or a timeout). */
function progress(url: string, model: string, start?: () => Promise<unknown>): Promise<any[]> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/model/${model}/download/progress`);
    const frames: any[] = [];
    const timer = setTimeout(() => {
      ws.close();
      reject(new Error(`no terminal frame: ${JSON.stringify(frames)}`));
    }, 5000);
    ws.on('message', (d) => {
      const f = JSON.parse(d.toString());
      frames.push(f);
      if (frames.length === 1 && start) start().catch(reject);
      if (['COMPLETED', 'CANCELED', 'FAILED'].includes(f.status)) {
        clearTimeout(timer);
        ws.close();
        resolve(frames);
      }
    });
    ws.on('error', reject);
  });
}

describe('emulator models', () => {
  let em: TestEmulator;
  before(async () => {
    em = await makeEmulator({ downloadMs: 30 });
  });
  after(async () => {
    await em.close();
  });

  test('the catalogue holds several local and cloud models that conform', async () => {
    const r = await call(em, 'GET', '/models');
    assertConforms('getModelsSnapshot', r);
    const models = r.json.iterable;
    assert.ok(models.filter((m: any) => !m.cloud).length >= 4);
    assert.ok(models.filter((m: any) => m.cloud).length >= 4);
    assert.ok(models.every((m: any) => typeof m.name === 'string' && m.maxTokens && m.foundation));
    const one = await call(em, 'GET', `/model/${GPT}`);
    assertConforms('getModel', one);
    assert.equal(one.json.cloud, true);
  });

  test('unknown model ids are 410 on every model operation', async () => {
    for (const [method, url, op] of [
      ['GET', '/model/nope', 'getModel'],
      ['POST', '/model/nope/download', 'downloadModel'],
      ['POST', '/model/nope/load', 'loadModel'],
      ['POST', '/model/nope/unload', 'unloadModel'],
      ['POST', '/model/nope/download/cancel', 'cancelModelDownload'],
    ] as const) {
      const r = await call(em, method, url);
      assert.equal(r.status, 410, url);
      assertConforms(op, r);
    }
  });

  // Refusals: 409 with a text that says why.
  const conflicts: Array<[string, string, RegExp]> = [
    ['load', LLAMA, /not downloaded/],
    ['unload', LLAMA, /not downloaded/],
    ['load', GPT, /cloud model/],
    ['unload', GPT, /cloud model/],
    ['download', GPT, /cloud model/],
  ];
  for (const [action, id, why] of conflicts) {
    test(`${action} of ${id === GPT ? 'a cloud model' : 'a model that is not downloaded'} is 409 saying why`, async () => {
      const r = await call(em, 'POST', `/model/${id}/${action}`);
      assert.equal(r.status, 409);
      assert.match(r.type, /^text\/plain/);
      assert.match(r.text, why);
    });
  }

  test('load → loaded → unload → downloaded, and the state is visible in GET', async () => {
    const loaded = await call(em, 'POST', `/model/${PHI}/load`);
    assertConforms('loadModel', loaded);
    assert.equal(loaded.json.loaded, true);
    assert.equal((await call(em, 'GET', `/model/${PHI}`)).json.loaded, true);
    const unloaded = await call(em, 'POST', `/model/${PHI}/unload`);
    assertConforms('unloadModel', unloaded);
    assert.deepEqual([unloaded.json.downloaded, unloaded.json.loaded], [true, false]);
    const again = await call(em, 'POST', `/model/${PHI}/unload`);
    assert.equal(again.status, 200); // unloading a downloaded, unloaded model answers it unchanged
  });

  test('download is asynchronous: downloading, then downloaded; then it can load', async () => {
    const id = 'bcd97a20-ba0c-4219-8029-8b9608773fcd';
    const started = await call(em, 'POST', `/model/${id}/download`);
    assertConforms('downloadModel', started);
    assert.deepEqual([started.json.downloading, started.json.downloaded], [true, false]);
    assert.equal((await call(em, 'POST', `/model/${id}/load`)).status, 409);
    for (let i = 0; i < 250 && !(await call(em, 'GET', `/model/${id}`)).json.downloaded; i++)
      await new Promise((r) => setTimeout(r, 20));
    const done = (await call(em, 'GET', `/model/${id}`)).json;
    assert.deepEqual([done.downloading, done.downloaded, done.loaded], [false, true, false]);
    assert.equal((await call(em, 'POST', `/model/${id}/load`)).status, 200);
  });

  describe('download progress socket', () => {
    let live: RunningEmulator;
    before(async () => {
      live = await startEmulator({ port: 0, downloadMs: 60 });
    });
    after(async () => {
      await live.close();
    });
    const frameOk = strictValidator('ModelDownloadProgress');

    test('an idle model answers UNKNOWN on connect', async () => {
      const frames = await new Promise<any[]>((resolve, reject) => {
        const ws = new WebSocket(`${live.url.replace('http', 'ws')}/model/${PHI}/download/progress`);
        ws.on('message', (d) => {
          ws.close();
          resolve([JSON.parse(d.toString())]);
        });
        ws.on('error', reject);
      });
      assert.deepEqual(frames, [{ status: 'UNKNOWN' }]);
    });

    test('a download pushes INITIALIZED, non-decreasing IN-PROGRESS, COMPLETED', async () => {
      const id = 'f068adc7-0133-4ce5-b39a-6d6205dc0840';
      const frames = await progress(live.url, id, () => fetch(`${live.url}/model/${id}/download`, { method: 'POST' }));
      assert.equal(frames[0].status, 'UNKNOWN');
      const rest = frames.slice(1);
      assert.equal(rest[0].status, 'INITIALIZED');
      assert.equal(rest.at(-1).status, 'COMPLETED');
      const pct = rest.map((f) => f.percentage);
      assert.deepEqual(
        pct,
        [...pct].sort((a, b) => a - b),
      );
      for (const f of frames) assert.ok(frameOk(f), JSON.stringify(frameOk.errors));
      assert.equal((await (await fetch(`${live.url}/model/${id}`)).json()).downloaded, true);
    });

    test('cancel ends a download with CANCELED and leaves the model not downloaded', async () => {
      const id = '286833e3-104d-4ae1-bd3b-47ee8f80e508';
      await fetch(`${live.url}/model/${id}/download`, { method: 'POST' });
      const frames = await progress(live.url, id, () =>
        fetch(`${live.url}/model/${id}/download/cancel`, { method: 'POST' }),
      );
      assert.equal(frames.at(-1).status, 'CANCELED');
      const m = await (await fetch(`${live.url}/model/${id}`)).json();
      assert.deepEqual([m.downloading, m.downloaded], [false, false]);
    });
  });
});
