/**
 * The stream checks on hand-made frame sequences: good sequences pass every check; each broken
 * sequence fails exactly the check named in its row, with facts naming the request and the rule.
 * The sequences: sequences/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildValidators, loadSpec } from '../../../src/index.js';
import { checksOfKind } from '../../../src/checks/registry.js';
import { judgeStreams } from '../../../src/checks/run.js';
import type { StreamSubject } from '../../../src/stream/index.js';
import { answer, f, frame, request, subject } from './builders.js';
import { BROKEN_ANSWERS } from './sequences/brokenAnswers.js';
import { BROKEN_CHANNELS } from './sequences/brokenChannels.js';
import { PASSING } from './sequences/passing.js';

const validators = buildValidators(await loadSpec('spec/pieces-os.openapi.yaml'), 'strict');
const streamChecks = checksOfKind('stream');

function failures(s: StreamSubject) {
  return judgeStreams([s], { validators }, streamChecks)[0]!.failures;
}

test('the registry holds every stream check once', () => {
  assert.deepEqual(streamChecks.map((c) => c.name).sort(), [
    'download_progress_monotonic',
    'download_progress_terminal',
    'stream_chunk_order',
    'stream_conversation_present',
    'stream_frame_schema',
    'stream_grammar',
    'stream_in_band_error',
    'stream_no_crosstalk',
    'stream_request_accepted',
    'stream_request_echoed',
    'stream_timing_budget',
  ]);
});

for (const [name, s] of PASSING) {
  test(`passes: ${name}`, () =>
    assert.deepEqual(
      failures(s).map((x) => x.message),
      [],
    ));
}

for (const [name, s, check, fragment] of [...BROKEN_ANSWERS, ...BROKEN_CHANNELS]) {
  test(`fails ${check}: ${name}`, () => {
    const got = failures(s);
    const mine = got.filter((x) => x.check === check);
    assert.ok(
      mine.length > 0,
      `expected ${check} to fail; got ${got.map((x) => x.message).join(' | ') || 'no failure'}`,
    );
    assert.ok(
      mine.some((x) => x.facts.includes(fragment)),
      `facts: ${mine.map((x) => x.facts).join(' | ')}`,
    );
    assert.ok(
      mine.every((x) => x.operation === s.channel),
      'the failure names the channel as its operation',
    );
  });
}

test('a refusal before any conversation exists may carry an empty conversation: only stream_request_accepted fails', () => {
  const s = subject(
    request([frame(2, { request: 'r-1', conversation: '', status: 'FAILED', statusCode: 429, errorMessage: 'quota' })]),
  );
  assert.deepEqual(
    failures(s).map((x) => x.check),
    ['stream_request_accepted'],
  );
});

test('the same defect on many frames is one failure that counts them', () => {
  const frames = [f.init(1, 'r-1', null), ...[2, 3, 4, 5].map((at) => f.chunk(at, 'x', 'r-1', null)), f.end(6)];
  const got = failures(subject(request(frames))).filter((x) => x.check === 'stream_conversation_present');
  assert.deepEqual(
    got.map((x) => x.facts),
    ['request r-1: frame 1 (INITIALIZED at +1 ms) has no conversation (and 4 more frames like it)'],
  );
});

test('a failure reads like the REST ones: [check] operation: Title. facts', () => {
  const [x] = failures(subject(request([...answer, f.chunk(20, 'late')])));
  assert.equal(
    x!.message,
    '[stream_grammar] qgptStream: Streamed answer breaks the frame grammar. request r-1: frame after terminal COMPLETED (IN-PROGRESS at +20 ms)',
  );
});
