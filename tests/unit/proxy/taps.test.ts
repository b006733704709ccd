/**
 * The proxy's passive stream taps and its monitor: client messages classified, frames attributed
 * and judged by the stream checks (terminal, silence, the client cutting an answer short, frames
 * after the end), download watches, and the run-summary view of what the traffic showed.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSpec } from '../../../src/contract/index.js';
import { buildValidators, type ValidatorSet } from '../../../src/validate/validators.js';
import {
  ProgressTap,
  ProxyMonitor,
  QgptTap,
  classifyClientMessage,
  proxyResults,
  trafficSection,
} from '../../../src/proxy/index.js';
import type { Exchange } from '../../../src/core/types.js';

let validators: ValidatorSet;
before(async () => {
  validators = buildValidators(
    await loadSpec(new URL('../../../spec/pieces-os.openapi.yaml', import.meta.url).pathname),
  );
});

// client message → kind and intent
const messages: Array<[string, string, string]> = [
  [
    'a question with an id',
    '{"request":"r1","question":{"query":"hi","relevant":{"iterable":[]}}}',
    'request positive r1',
  ],
  ['a relevance without an id', '{"relevance":{"query":"hi"}}', 'request positive -'],
  ['not JSON', 'hello', 'request negative -'],
  ['neither relevance nor question', '{"request":"r2"}', 'request negative r2'],
  ['wrong types', '{"request":"r3","question":{"query":7}}', 'request negative r3'],
  ['a reset command', '{"reset":true,"request":"r4"}', 'request neutral r4'],
  ['a stop command', '{"conversation":"c1","stop":true,"request":"r1"}', 'stop - r1'],
];
for (const [name, text, expected] of messages) {
  test(`classifyClientMessage: ${name} → ${expected}`, () => {
    const m = classifyClientMessage(text, validators);
    assert.equal([m.kind, m.kind === 'request' ? m.intent : '-', m.id ?? '-'].join(' '), expected);
  });
}

const frame = (request: string, status: string, text = '') =>
  JSON.stringify({
    request,
    conversation: 'c1',
    status,
    ...(text ? { question: { answers: { iterable: [{ text, score: 1 }] } } } : {}),
  });
const ask = (id: string) => JSON.stringify({ request: id, question: { query: 'q', relevant: { iterable: [] } } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const checks = (m: ProxyMonitor) =>
  m
    .allFailures()
    .map((f) => f.failure.check)
    .sort();

test('an answer that follows the grammar is judged once, with no failure, after its terminal frame', async () => {
  const m = new ProxyMonitor(validators);
  const tap = new QgptTap('s1', 'ws://x/qgpt/stream', validators, m, { settleMs: 10 });
  tap.fromClient(ask('r1'), false);
  for (const f of [
    frame('r1', 'INITIALIZED'),
    frame('r1', 'IN-PROGRESS', 'a'),
    frame('r1', 'IN-PROGRESS', 'b'),
    frame('r1', 'COMPLETED'),
  ])
    tap.fromServer(f, false);
  await sleep(30);
  assert.equal(m.operations.get('qgptStream')?.judged, 1);
  assert.deepEqual(checks(m), []);
  assert.equal(m.frames, 4);
});

test('a frame after the terminal one is judged again: stream_grammar', async () => {
  const m = new ProxyMonitor(validators);
  const tap = new QgptTap('s1', 'ws://x', validators, m, { settleMs: 10 });
  tap.fromClient(ask('r1'), false);
  for (const f of [frame('r1', 'IN-PROGRESS', 'a'), frame('r1', 'COMPLETED')]) tap.fromServer(f, false);
  await sleep(30);
  tap.fromServer(frame('r1', 'IN-PROGRESS', 'late'), false);
  await sleep(30);
  assert.deepEqual(checks(m), ['stream_grammar']);
  assert.equal(m.operations.get('qgptStream')?.judged, 1, 'judged once, re-judged for the late frame');
});

test('silence without a terminal frame is a stream_grammar failure; a client closing mid-answer is not', async () => {
  const silent = new ProxyMonitor(validators);
  const a = new QgptTap('s1', 'ws://x', validators, silent, { idleMs: 20 });
  a.fromClient(ask('r1'), false);
  a.fromServer(frame('r1', 'IN-PROGRESS', 'a'), false);
  await sleep(60);
  assert.deepEqual(checks(silent), ['stream_grammar']);
  assert.match(silent.allFailures()[0].failure.facts, /went silent for 20 ms/);

  const cut = new ProxyMonitor(validators);
  const b = new QgptTap('s2', 'ws://x', validators, cut, { idleMs: 1000 });
  b.fromClient(ask('r1'), false);
  b.fromServer(frame('r1', 'IN-PROGRESS', 'a'), false);
  b.closed(1000, '', true);
  assert.deepEqual(checks(cut), []);
  assert.equal(cut.abandoned, 1);
});

test('frames are validated on arrival and attributed by echo: schema and echo failures', async () => {
  const m = new ProxyMonitor(validators);
  const tap = new QgptTap('s1', 'ws://x', validators, m, { settleMs: 5 });
  tap.fromClient(ask('r1'), false);
  tap.fromServer(
    JSON.stringify({
      request: 'r1',
      conversation: 'c1',
      status: 'IN_PROGRESS',
      question: { answers: { iterable: [{ text: 'a', score: 1 }] } },
    }),
    false,
  );
  tap.fromServer(JSON.stringify({ request: 'server-made', conversation: 'c1', status: 'COMPLETED' }), false); // attributed as the only open request
  await sleep(20);
  assert.deepEqual(checks(m), ['stream_frame_schema', 'stream_request_echoed']);
});

test('a stop before the end must end the answer STOPPED (or COMPLETED within a few chunks)', async () => {
  const m = new ProxyMonitor(validators);
  const tap = new QgptTap('s1', 'ws://x', validators, m, { settleMs: 5 });
  tap.fromClient(ask('r1'), false);
  tap.fromServer(frame('r1', 'IN-PROGRESS', 'a'), false);
  tap.fromClient(JSON.stringify({ request: 'r1', conversation: 'c1', stop: true }), false);
  await sleep(2);
  for (const c of ['b', 'c', 'd', 'e']) tap.fromServer(frame('r1', 'IN-PROGRESS', c), false);
  tap.fromServer(frame('r1', 'COMPLETED'), false);
  await sleep(20);
  assert.deepEqual(checks(m), ['stream_grammar']);
  assert.match(m.allFailures()[0].failure.facts, /expected STOPPED/);
});

test('a download watch: judged at close; a decreasing percentage fails download_progress_monotonic', () => {
  const m = new ProxyMonitor(validators);
  const tap = new ProgressTap('m1', 'ws://x/model/m1/download/progress', validators, m);
  for (const [status, percentage] of [
    ['INITIALIZED', 0],
    ['IN-PROGRESS', 40],
    ['IN-PROGRESS', 30],
    ['COMPLETED', 100],
  ] as const) {
    tap.fromServer(JSON.stringify({ status, percentage, model: { id: 'm1' } }), false);
  }
  tap.closed(1000, '', true);
  assert.ok(checks(m).includes('download_progress_monotonic'), checks(m).join(','));
  assert.equal(m.abandoned, 0, 'it had ended: not cut short');
});

test('the run-summary view: one outcome per operation, routes outside the contract as skipped', () => {
  const m = new ProxyMonitor(validators);
  const op = validators.spec.operations.get('getWellKnownHealth')!;
  const ex = (status: number, body: string, ct: string): Exchange => ({
    id: `e${status}`,
    operationId: op.operationId,
    request: { method: 'GET', url: 'http://t/.well-known/health', headers: {} },
    response: { status, headers: { 'content-type': ct }, body },
    startedAt: Date.now(),
    durationMs: 1,
    intent: 'neutral',
  });
  m.judgeExchange(ex(200, 'ok', 'text/plain'), op, '/.well-known/health');
  m.judgeExchange(ex(200, '{"status":"ok"}', 'application/json'), op, '/.well-known/health');
  m.judgeExchange({ ...ex(404, '', 'text/plain'), operationId: undefined }, undefined, '/os/unknown');
  const r = proxyResults(m);
  assert.deepEqual(
    r.tests.map((t) => [t.titlePath.join(' › '), t.status]),
    [
      ['Well Known › getWellKnownHealth', 'failed'],
      ['Outside the contract › GET /os/unknown', 'skipped'],
    ],
  );
  assert.match(r.tests[0].errors[0], /\[content_type_conformance\] getWellKnownHealth: Undocumented Content-Type\./);
  assert.equal(m.allFailures()[0].samples[0].curl, 'curl -sS -i http://t/.well-known/health');
  assert.match(trafficSection(m), /`GET \/os\/unknown` ×1/);
});
