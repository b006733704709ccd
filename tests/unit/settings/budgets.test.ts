/** Time budgets: the paces' defaults, overrides, LLM-backed operations, and test timeouts derived from the budgets. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  budgetLine,
  modelTestTimeoutMs,
  readSettings,
  restTimeoutOf,
  streamTestTimeoutMs,
  testTimeoutMs,
  timeBudgets,
} from '../../../src/settings/index.js';

const budgetsOf = (env: Record<string, string>) => timeBudgets(readSettings(env));

test('the instant emulator: small budgets, no consistency wait, 20 streams, verbatim answers', () => {
  const b = budgetsOf({});
  assert.equal(b.pace, 'instant');
  assert.deepEqual(
    [
      b.restMs,
      b.llmMs,
      b.firstFrameMs,
      b.answerMs,
      b.consistencyMs,
      b.streamConcurrency,
      b.rankWithin,
      b.deterministic,
    ],
    [10_000, 10_000, 3_000, 10_000, 0, 20, 1, true],
  );
});

test('a live target and the realistic profile: laptop budgets, bounded concurrency, top-k, no verbatim answers', () => {
  const envs: Array<Record<string, string>> = [
    { PIECES_BASE_URL: 'http://127.0.0.1:39300' },
    { PIECES_EMULATOR_PROFILE: 'realistic' },
  ];
  for (const env of envs) {
    const b = budgetsOf(env);
    assert.equal(b.pace, 'live', JSON.stringify(env));
    assert.deepEqual(
      [b.restMs, b.llmMs, b.firstFrameMs, b.answerMs, b.downloadMs, b.loadMs, b.consistencyMs, b.streamConcurrency],
      [10_000, 120_000, 60_000, 180_000, 1_800_000, 120_000, 5_000, 3],
    );
    assert.equal(b.rankWithin, 3);
    assert.equal(b.deterministic, false);
  }
  assert.equal(
    budgetsOf({ PIECES_BASE_URL: 'http://x:1', PIECES_STREAM_DETERMINISTIC: '1' }).deterministic,
    true,
    'a live target may declare itself deterministic',
  );
});

test('every budget is overridable; the older variable names still work', () => {
  const b = budgetsOf({
    PIECES_TIMEOUT_LLM_MS: '5000',
    PIECES_TIMEOUT_FIRST_FRAME_MS: '700',
    PIECES_STREAM_TIMEOUT_MS: '9000',
    PIECES_DOWNLOAD_WAIT_MS: '1234',
    PIECES_TIMEOUT_LOAD_MS: '4321',
    PIECES_CONSISTENCY_MS: '250',
    PIECES_STREAM_CONCURRENCY: '2',
  });
  assert.deepEqual(
    [b.llmMs, b.firstFrameMs, b.answerMs, b.downloadMs, b.loadMs, b.consistencyMs, b.streamConcurrency],
    [5000, 700, 9000, 1234, 4321, 250, 2],
  );
  assert.throws(() => budgetsOf({ PIECES_TIMEOUT_LLM_MS: 'soon' }), /PIECES_TIMEOUT_LLM_MS/);
  assert.throws(() => budgetsOf({ PIECES_EMULATOR_PROFILE: 'slow' }), /PIECES_EMULATOR_PROFILE/);
});

test('LLM-backed REST operations get the LLM budget, loads the load budget, the rest the REST one', () => {
  const b = budgetsOf({ PIECES_EMULATOR_PROFILE: 'realistic' });
  assert.equal(restTimeoutOf(b, 'qgptQuestion', {}), b.llmMs);
  assert.equal(restTimeoutOf(b, 'qgptReprompt', {}), b.llmMs);
  assert.equal(restTimeoutOf(b, 'qgptRelevance', { options: { question: true } }), b.llmMs);
  assert.equal(restTimeoutOf(b, 'qgptRelevance', { options: { database: true } }), b.restMs);
  assert.equal(restTimeoutOf(b, 'loadModel', undefined), b.loadMs);
  assert.equal(restTimeoutOf(b, 'getAssetsSnapshot', undefined), b.restMs);
});

test('test timeouts derive from the budgets and grow with them', () => {
  const instant = budgetsOf({});
  const live = budgetsOf({ PIECES_BASE_URL: 'http://x:1' });
  assert.ok(testTimeoutMs(instant) >= 60_000);
  assert.ok(testTimeoutMs(live) >= 2 * live.llmMs + live.answerMs, 'a test fits two LLM answers and a streamed one');
  assert.ok(streamTestTimeoutMs(live, 3) >= testTimeoutMs(live) + live.answerMs, 'one wave of three streams');
  assert.ok(streamTestTimeoutMs(live, 4) >= testTimeoutMs(live) + 2 * live.answerMs, 'four streams: two waves');
  assert.ok(streamTestTimeoutMs(live, 2, { sequential: true }) >= testTimeoutMs(live) + 2 * live.answerMs);
  assert.ok(modelTestTimeoutMs(live, 1, 1) >= live.downloadMs + live.loadMs);
  const longer = budgetsOf({ PIECES_BASE_URL: 'http://x:1', PIECES_TIMEOUT_ANSWER_MS: '600000' });
  assert.ok(streamTestTimeoutMs(longer, 1) > streamTestTimeoutMs(live, 1), 'a larger budget, a longer test');
});

test('the report line names every budget', () => {
  const line = budgetLine(budgetsOf({ PIECES_EMULATOR_PROFILE: 'realistic' }));
  for (const part of [
    'REST 10 s',
    'LLM REST 2 min',
    'first frame 1 min',
    'answer 3 min',
    'download 30 min',
    'load 2 min',
  ])
    assert.ok(line.includes(part), `${part} in ${line}`);
  assert.match(line, /3 concurrent streams/);
});
