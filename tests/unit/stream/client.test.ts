/**
 * The stream client against a scripted WebSocket server: frames are validated on arrival,
 * attributed by echoed id, timed; a missing terminal frame ends the request at its timeout; a
 * closed socket ends open requests; the download watch ends at its terminal status.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import { buildValidators, loadSpec } from '../../../src/index.js';
import { judgeStreams } from '../../../src/checks/run.js';
import { answerOf, answerTimings, StreamSession } from '../../../src/stream/index.js';

const validators = buildValidators(await loadSpec('spec/pieces-os.openapi.yaml'), 'strict');

/** A script answers each parsed input on the socket. */
type Script = (ws: WebSocket, input: any, raw: string) => void;
let script: Script = () => undefined;
const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
wss.on('connection', (ws, req) => {
  if (req.url?.startsWith('/model/')) {
    const steps: Array<[string, number?]> = [
      ['UNKNOWN'],
      ['INITIALIZED'],
      ['IN-PROGRESS', 10],
      ['IN-PROGRESS', 60],
      ['COMPLETED', 100],
    ];
    steps.forEach(([status, percentage], i) =>
      setTimeout(() => ws.send(JSON.stringify({ status, percentage })), 5 * i),
    );
    return;
  }
  ws.on('message', (data) => {
    const raw = data.toString();
    let input: any;
    try {
      input = JSON.parse(raw);
    } catch {
      input = undefined;
    }
    script(ws, input, raw);
  });
});
await new Promise((r) => wss.once('listening', r));
const baseUrl = `http://127.0.0.1:${(wss.address() as AddressInfo).port}`;
after(() => {
  for (const c of wss.clients) c.terminate();
  wss.close();
});

const send = (ws: WebSocket, v: unknown, delay = 0) =>
  setTimeout(() => ws.send(typeof v === 'string' ? v : JSON.stringify(v)), delay);
const chunk = (request: string, text: string) => ({
  request,
  conversation: 'c-1',
  status: 'IN-PROGRESS',
  question: { answers: { iterable: [{ text, score: 1 }] } },
});
/** Generous timeouts, so a loaded CI machine never ends a scripted answer early; the idle test sets its own. */
const session = (timeouts = { requestMs: 3000, idleMs: 1500 }) =>
  new StreamSession({ baseUrl, validators, timeouts, settleMs: 30, budgets: {} });
const failed = (s: StreamSession) =>
  judgeStreams(s.subjects(), { validators }).flatMap((v) => v.failures.map((f) => f.check));

test('an answer: frames attributed by id, validated, concatenated and timed', async () => {
  script = (ws, input) => {
    send(ws, { request: input.request, conversation: 'c-1', status: 'INITIALIZED' });
    send(ws, chunk(input.request, 'Hello '), 5);
    send(ws, chunk(input.request, 'world'), 10);
    send(ws, { request: input.request, conversation: 'c-1', status: 'COMPLETED' }, 15);
  };
  const s = session();
  const socket = await s.open();
  const h = socket.ask({ question: { query: 'q', relevant: { iterable: [] } } });
  assert.equal(await h.firstChunk, true);
  const req = await h.done;
  await s.settle();
  assert.equal(req.end?.kind, 'terminal');
  assert.equal(answerOf(req), 'Hello world');
  assert.ok(req.frames.every((f) => f.attributed === 'echo' && f.diagnostics?.length === 0));
  const t = answerTimings(req);
  assert.equal(t.chunks, 2);
  assert.ok(t.ttfcMs! >= 0 && t.totalMs! >= t.ttfcMs!);
  assert.deepEqual(failed(s), []);
  await s.close();
});

test('concurrent requests on one socket are demultiplexed by id', async () => {
  script = (ws, input) => {
    for (let i = 0; i < 3; i++) send(ws, chunk(input.request, `${input.request}.${i} `), i * 3);
    send(ws, { request: input.request, conversation: 'c-1', status: 'COMPLETED' }, 12);
  };
  const s = session();
  const socket = await s.open();
  const hs = [0, 1, 2, 3, 4].map(() => socket.ask({ question: { query: 'q', relevant: { iterable: [] } } }));
  const reqs = await Promise.all(hs.map((h) => h.done));
  await s.settle();
  for (const r of reqs) assert.equal(answerOf(r), `${r.id}.0 ${r.id}.1 ${r.id}.2 `);
  await s.close();
});

test('a missing terminal frame ends the request at its idle timeout, reported by stream_grammar', async () => {
  script = (ws, input) => send(ws, chunk(input.request, 'a'));
  const s = session({ requestMs: 5000, idleMs: 200 });
  const h = (await s.open()).ask({ question: { query: 'q', relevant: { iterable: [] } } });
  const started = Date.now();
  const req = await h.done;
  assert.equal(req.end?.kind, 'idle');
  assert.ok(Date.now() - started < 4000, 'ended by silence, well before the request timeout');
  assert.deepEqual(failed(s), ['stream_grammar']);
  await s.close();
});

test('a server that closes the socket ends the open requests as closed', async () => {
  script = (ws) => ws.close(1011, 'boom');
  const s = session();
  const socket = await s.open();
  const req = await socket.sendRaw('{nope', 'raw-1').done;
  assert.equal(req.end?.kind, 'closed');
  assert.match(req.end?.detail ?? '', /1011/);
  const next = await socket.ask({ question: { query: 'q', relevant: { iterable: [] } } }).done;
  assert.equal(next.end?.kind, 'not-sent');
  assert.ok(failed(s).includes('stream_grammar'));
  await s.close();
});

test('a frame with a server-generated id is claimed by the only open request and reported', async () => {
  script = (ws) => {
    send(ws, { ...chunk('srv-1', 'a') });
    send(ws, { request: 'srv-1', conversation: 'c-1', status: 'COMPLETED' }, 5);
  };
  const s = session();
  const req = await (await s.open()).ask({ question: { query: 'q', relevant: { iterable: [] } } }).done;
  await s.settle();
  assert.equal(req.end?.kind, 'terminal');
  assert.ok(req.frames.every((f) => f.attributed !== 'echo'));
  assert.deepEqual([...new Set(failed(s))], ['stream_request_echoed']);
  await s.close();
});

test('the download watch records progress until COMPLETED', async () => {
  const s = session();
  const h = await s.watchDownload('m-1', { expectTerminal: 'COMPLETED' });
  const w = await h.done;
  assert.equal(w.end?.kind, 'terminal');
  assert.deepEqual(
    w.frames.map((f) => (f.value as any).status),
    ['UNKNOWN', 'INITIALIZED', 'IN-PROGRESS', 'IN-PROGRESS', 'COMPLETED'],
  );
  assert.deepEqual(failed(s), []);
  await s.close();
});

test('a refused upgrade rejects with a target error naming the status', async () => {
  const refusing = new WebSocketServer({ noServer: true });
  const { createServer } = await import('node:http');
  const server = createServer((_q, res) => res.end()).on('upgrade', (_req, sock) =>
    sock.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n'),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const s = new StreamSession({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  await assert.rejects(s.open(), /upgrade refused with HTTP 403/);
  server.close();
  refusing.close();
});
