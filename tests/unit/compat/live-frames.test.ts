/**
 * WebSocket frames as logged exchanges: each attributed frame of a question or a download watch is a
 * 200 `application/json` answer of its channel's GET operation, judged by every version like a body;
 * the cells then speak of frames.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { staticMatrix } from '../../../src/compat/matrix.js';
import type { Json } from '../../../src/compat/types.js';
import {
  applyLive,
  frameExchanges,
  httpUrl,
  judgeVersions,
  prepareVersions,
  type FrameSource,
} from '../../../src/compat/live/index.js';
import type { StreamFrame, StreamRequest } from '../../../src/stream/types.js';
import { doc, obj, str, version } from './fixtures.js';

const frame = (seq: number, value: unknown, at = 1_000 + seq): StreamFrame => ({
  seq,
  receivedAt: at,
  raw: JSON.stringify(value),
  value,
});
const request = (id: string, frames: StreamFrame[], intent: StreamRequest['intent'] = 'positive'): StreamRequest =>
  ({
    id,
    socket: 's1',
    rawInput: JSON.stringify({ request: id }),
    intent,
    echoExpected: true,
    sentAt: 1_000,
    frames,
  }) as StreamRequest;

const session: FrameSource = {
  sockets: [
    {
      log: { id: 's1', url: 'ws://127.0.0.1:39300/qgpt/stream', openedAt: 990, frames: [], requests: [], orphans: [] },
    },
  ],
  requests: [
    request('r-1', [
      frame(1, { request: 'r-1', status: 'INITIALIZED' }),
      frame(2, { request: 'r-1', status: 'COMPLETED' }),
    ]),
    request('r-2', [frame(3, { request: 'r-2', status: 'FAILED', errorMessage: 'bad input' })], 'negative'),
  ],
  watches: [
    {
      model: 'm-1',
      url: 'ws://127.0.0.1:39300/model/m-1/download/progress',
      openedAt: 2_000,
      frames: [frame(1, { status: 'COMPLETED', percentage: 100 }, 2_010)],
      timeoutMs: 1000,
    },
  ],
};

test('each attributed frame is one exchange of its channel: GET, the http URL, 200 application/json, the frame as the body', () => {
  const out = frameExchanges(session);
  assert.deepEqual(
    out.map((e) => [e.operationId, e.request.method, e.request.url, e.response?.status, e.intent]),
    [
      ['qgptStream', 'GET', 'http://127.0.0.1:39300/qgpt/stream', 200, 'positive'],
      ['qgptStream', 'GET', 'http://127.0.0.1:39300/qgpt/stream', 200, 'positive'],
      ['qgptStream', 'GET', 'http://127.0.0.1:39300/qgpt/stream', 200, 'negative'],
      ['modelDownloadProgress', 'GET', 'http://127.0.0.1:39300/model/m-1/download/progress', 200, 'positive'],
    ],
  );
  assert.equal(out[1].response?.body, '{"request":"r-1","status":"COMPLETED"}');
  assert.equal(out[0].request.body, '{"request":"r-1"}');
  assert.equal(out[3].durationMs, 10);
  assert.equal(new Set(out.map((e) => e.id)).size, out.length, 'ids are unique');
  assert.equal(httpUrl('wss://h/x'), 'https://h/x');
});

const output = obj(
  { request: str(), status: { type: 'string', enum: ['INITIALIZED', 'IN-PROGRESS', 'COMPLETED', 'FAILED'] } },
  ['status'],
);
const wsOp = (operationId: string, schema: Json) => ({
  get: {
    operationId,
    'x-websocket': true,
    responses: { '200': { description: 'OK', content: { 'application/json': { schema } } } },
  },
});
const VERSIONS = [
  version(
    'loose',
    doc({
      '/qgpt/stream': wsOp('qgptStream', output),
      '/model/{model}/download/progress': wsOp('progress', obj({ status: str() })),
    }),
  ),
  version('strict', doc({ '/qgpt/stream': wsOp('qgptStream', { ...output, required: ['status', 'conversation'] }) })),
];

test('the versions judge the frames: conformant frames, a required field a frame lacks, a channel never opened', async () => {
  const prepared = await prepareVersions(VERSIONS);
  const m = staticMatrix(VERSIONS);
  applyLive(m, judgeVersions(prepared, frameExchanges({ ...session, watches: [] })));
  assert.equal(m.cells.loose['GET /qgpt/stream'].verdict, 'conformant');
  assert.match(
    m.cells.loose['GET /qgpt/stream'].reason!,
    /^3 frames conformant \(statuses 200 ×3; 1 invalid on purpose, judged on status only\)/,
  );
  assert.equal(m.cells.strict['GET /qgpt/stream'].verdict, 'not-conformant');
  assert.match(
    m.cells.strict['GET /qgpt/stream'].reason!,
    /^GET \/qgpt\/stream: Response violates schema\. .*conversation.* — 2 of 3 frames failed/,
  );
  assert.equal(m.cells.loose['GET /model/{}/download/progress'].verdict, 'not-exercised');
  assert.match(m.cells.loose['GET /model/{}/download/progress'].reason!, /No frame in the conformance run/);
});
