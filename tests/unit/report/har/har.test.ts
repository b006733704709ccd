import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Exchange } from '../../../../src/core/types.js';
import {
  entryOfExchange,
  entryOfWebSocket,
  harDocument,
  harProblems,
  MAX_HAR_BODY,
  readHar,
  writeHar,
} from '../../../../src/report/har/index.js';

const dir = mkdtempSync(join(tmpdir(), 'har-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const created: Exchange = {
  id: 'x1',
  operationId: 'createAsset',
  request: {
    method: 'POST',
    url: 'http://127.0.0.1:39300/assets/create?transferables=false',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: '{"seed":{"type":"SEEDED_ASSET"}}',
  },
  response: { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"id":"a1"}' },
  startedAt: Date.parse('2025-03-01T10:00:00.000Z'),
  durationMs: 12,
  intent: 'positive',
  note: 'creates one',
};
const refused: Exchange = {
  id: 'x2',
  request: { method: 'GET', url: 'http://127.0.0.1:1/x', headers: {} },
  error: 'ECONNREFUSED',
  startedAt: Date.parse('2025-03-01T10:00:01.000Z'),
  durationMs: 3,
  intent: 'neutral',
};
const socket = {
  url: 'ws://127.0.0.1:39300/qgpt/stream',
  openedAt: Date.parse('2025-03-01T10:00:02.000Z'),
  closedAt: Date.parse('2025-03-01T10:00:02.500Z'),
  operationId: 'qgptStream',
  messages: [
    { type: 'receive' as const, at: Date.parse('2025-03-01T10:00:02.200Z'), data: '{"status":"COMPLETED"}' },
    { type: 'send' as const, at: Date.parse('2025-03-01T10:00:02.100Z'), data: '{"query":"hi"}' },
  ],
};

test('exchanges and a WebSocket written as HAR 1.2 follow its structure and read back as they were', () => {
  const file = writeHar(join(dir, 'run.har'), [
    entryOfWebSocket(socket),
    entryOfExchange(refused),
    entryOfExchange(created),
  ]);
  const { har, items } = readHar(file);
  assert.equal(har.log.version, '1.2');
  assert.deepEqual(harProblems(har), []);
  assert.deepEqual(
    items.map((i) => i.kind),
    ['rest', 'rest', 'websocket'],
    'entries in the order they started',
  );
  const [a, b, ws] = items;
  assert.ok(a.kind === 'rest' && b.kind === 'rest' && ws.kind === 'websocket');
  assert.deepEqual({ ...a.exchange, id: 'x1' }, created);
  assert.equal(a.entry.request.queryString[0].name, 'transferables');
  assert.equal(a.entry.response.content.mimeType, 'application/json; charset=utf-8');
  assert.equal(b.exchange.error, 'ECONNREFUSED');
  assert.equal(b.exchange.response, undefined);
  assert.equal(ws.entry._resourceType, 'websocket');
  assert.deepEqual(
    ws.entry._webSocketMessages?.map((m) => [m.type, m.opcode, m.data]),
    [
      ['send', 1, '{"query":"hi"}'],
      ['receive', 1, '{"status":"COMPLETED"}'],
    ],
    "Chrome's form: in time order, opcode 1 for text",
  );
  assert.equal(ws.entry._webSocketMessages?.[0].time, socket.messages[1].at / 1000, 'time in epoch seconds');
  assert.deepEqual(
    ws.socket.messages.map((m) => m.type),
    ['send', 'receive'],
  );
  assert.equal(ws.socket.operationId, 'qgptStream');
});

test('a body over the limit is cut, its full size kept', () => {
  const big = { ...created, response: { ...created.response!, body: 'x'.repeat(MAX_HAR_BODY + 10) } };
  const e = entryOfExchange(big);
  assert.equal(e.response.content.text?.length, MAX_HAR_BODY);
  assert.equal(e.response.content.size, MAX_HAR_BODY + 10);
  assert.match(e.response.content.comment ?? '', /cut at/);
});

test('departures from HAR 1.2 are named by where they are', () => {
  const doc = harDocument([entryOfExchange(created)]) as any;
  delete doc.log.entries[0].request.httpVersion;
  doc.log.entries[0].response.status = '200';
  doc.log.entries[0].startedDateTime = 'yesterday';
  const problems = harProblems(doc);
  assert.ok(problems.includes("log.entries[0].request must have required property 'httpVersion'"), problems.join('\n'));
  assert.ok(problems.includes('log.entries[0].response.status must be integer'));
  assert.ok(problems.some((p) => p.startsWith('log.entries[0].startedDateTime must match format')));
  assert.deepEqual(harProblems({ log: { version: '1.2', creator: { name: 'x', version: '1' }, entries: [] } }), []);
});

test('a file that is not HAR is a usage error naming the file and the problem', () => {
  assert.throws(() => readHar(join(dir, 'none.har')), /none\.har: no such HAR file/);
  writeFileSync(join(dir, 'bad.json'), '{ nope');
  assert.throws(() => readHar(join(dir, 'bad.json')), /bad\.json: not JSON/);
  writeFileSync(join(dir, 'other.json'), '{"log":{"entries":[]}}');
  assert.throws(
    () => readHar(join(dir, 'other.json')),
    /other\.json: not HAR 1\.2: log must have required property 'version'/,
  );
});
