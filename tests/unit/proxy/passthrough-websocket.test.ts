/**
 * The proxy never alters WebSocket traffic: text and binary frames both ways, sub-protocol, close
 * codes both ways, a refused upgrade passed on as it came. The rig: passthroughRig.ts.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type http from 'node:http';
import WebSocket from 'ws';
import { BINARY, startRig, type PassthroughRig } from './passthroughRig.js';

let rig: PassthroughRig;
before(async () => {
  rig = await startRig();
});
after(async () => {
  await rig.close();
});

describe('WebSocket pass-through', () => {
  test("text and binary frames both ways, unchanged and of the same type; the sub-protocol is the target's", async () => {
    rig.wsSeen.length = 0;
    const ws = new WebSocket(`${rig.proxy.url.replace('http', 'ws')}/some/channel`, ['pieces.v1', 'other']);
    await new Promise((r, j) => {
      ws.once('open', r);
      ws.once('error', j);
    });
    assert.equal(ws.protocol, 'pieces.v1');
    const back: Array<{ data: Buffer; binary: boolean }> = [];
    ws.on('message', (data, binary) => back.push({ data: data as Buffer, binary }));
    const text = '{"question":{"query":"caf\u00e9 \u{1F680}"}}';
    ws.send(text);
    ws.send(BINARY, { binary: true });
    await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(
      rig.wsSeen.map((m) => m.binary),
      [false, true],
    );
    assert.equal(rig.wsSeen[0].data.toString(), text);
    assert.ok(rig.wsSeen[1].data.equals(BINARY));
    assert.deepEqual(
      back.map((m) => m.binary),
      [false, true],
    );
    assert.equal(back[0].data.toString(), text);
    assert.ok(back[1].data.equals(BINARY));
    // The target's close code and reason reach the client.
    const closed = new Promise<[number, string]>((r) =>
      ws.once('close', (code, reason) => r([code, reason.toString()])),
    );
    ws.send('close-me');
    assert.deepEqual(await closed, [4001, 'bye from target']);
  });

  test("the client's close code and reason reach the target", async () => {
    rig.wsClose = undefined;
    const ws = new WebSocket(`${rig.proxy.url.replace('http', 'ws')}/qgpt/stream`);
    await new Promise((r) => ws.once('open', r));
    ws.close(4002, 'bye from client');
    for (let i = 0; i < 50 && !rig.wsClose; i++) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(rig.wsClose, { code: 4002, reason: 'bye from client' });
  });

  test('a refused upgrade is passed on as the target answered it', async () => {
    const ws = new WebSocket(`${rig.proxy.url.replace('http', 'ws')}/refused`);
    ws.on('error', () => undefined); // terminate() after a refused upgrade rig.reports an error
    const res = await new Promise<http.IncomingMessage>((r) => ws.once('unexpected-response', (_q, m) => r(m)));
    const body = await new Promise<string>((r) => {
      let b = '';
      res.on('data', (c) => (b += c));
      res.on('end', () => r(b));
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.headers['x-guard'], 'origin');
    assert.equal(body, 'foreign origin: no');
    ws.terminate();
  });
});
