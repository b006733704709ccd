/**
 * A server that speaks first: frames written in the same tick as the upgrade response reach the
 * client in one TCP segment with it, and `ws` emits them before an `await connect()` continuation
 * runs. The download watch and the QGPT socket must record them all the same (a watch that missed
 * them once ended at its timeout with no frame, in CI under load).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { StreamSession } from '../../../src/stream/index.js';

const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
wss.on('connection', (ws, req) => {
  if (req.url?.startsWith('/model/')) {
    ws.send(JSON.stringify({ status: 'INITIALIZED' }));
    ws.send(JSON.stringify({ status: 'COMPLETED', percentage: 100 }));
  } else {
    ws.send(JSON.stringify({ request: 'srv-hello', status: 'INITIALIZED' }));
  }
});
await new Promise((r) => wss.once('listening', r));
const baseUrl = `http://127.0.0.1:${(wss.address() as AddressInfo).port}`;
after(() => {
  for (const c of wss.clients) c.terminate();
  wss.close();
});
const session = () => new StreamSession({ baseUrl, timeouts: { requestMs: 2000, idleMs: 1000 }, settleMs: 5 });

test('the download watch records frames sent with the upgrade response, every time', async () => {
  const s = session();
  for (let i = 0; i < 25; i++) {
    const w = await (await s.watchDownload(`m-${i}`)).done;
    assert.deepEqual(
      w.frames.map((f) => (f.value as any).status),
      ['INITIALIZED', 'COMPLETED'],
      `watch ${i}`,
    );
    assert.equal(w.end?.kind, 'terminal', `watch ${i}`);
  }
  await s.close();
});

test('a QGPT socket records an unsolicited first frame as an orphan, every time', async () => {
  const s = session();
  for (let i = 0; i < 25; i++) {
    const socket = await s.open();
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(socket.log.frames.length, 1, `socket ${i}`);
    assert.equal(socket.log.orphans.length, 1, `socket ${i}`);
  }
  await s.close();
});
