/**
 * Many answers at once: several requests in flight on one socket, and many sockets at once (five
 * and twenty on the instant emulator; on a live pace at most the streamConcurrency budget, 3 by
 * default: a local LLM answers few questions at once, the rest would only queue). Each answer must
 * be complete and hold only its own chunks (stream_no_crosstalk: every query carries a unique
 * token; stream_chunk_order: each answer equals its REST twin on a deterministic target).
 */
import { test, expect } from './fixtures.js';
import type { ApiClient } from '../../src/client/index.js';
import type { StreamSession, StreamRequest } from '../../src/stream/index.js';
import { terminalStatusOf } from '../../src/stream/index.js';
import { questionInput, restAnswer } from './inputs.js';
import { streamTestTimeoutMs, type TimeBudgets } from '../../src/settings/index.js';

const TOPICS = [
  'reverse a list in Python',
  'read a file in Go',
  'sort a map in Java',
  'parse JSON in Rust',
  'debounce a function in TypeScript',
];

/** `n` inputs with their tokens and (on a deterministic target) their REST answers. */
async function prepare(session: StreamSession, api: ApiClient, budgets: TimeBudgets, n: number) {
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const token = session.token();
      const input = questionInput(token, `How do I ${TOPICS[i % TOPICS.length]}?`);
      const reference = budgets.deterministic ? await restAnswer(api, input) : undefined;
      return { token, input, reference };
    }),
  );
}

function expectAllCompleted(reqs: StreamRequest[]) {
  const ends = reqs.map((r) => `${r.id}: ${terminalStatusOf(r) ?? `no terminal (${r.end?.kind})`}`);
  expect.soft(ends, 'every answer ends COMPLETED').toEqual(reqs.map((r) => `${r.id}: COMPLETED`));
}

test.describe('QGPT stream concurrency', { tag: '@QGPT' }, () => {
  test('several requests at once on one socket: each complete, no crosstalk', async ({
    streams,
    api,
    suiteConfig: { budgets },
    safety,
  }) => {
    safety.streamedQuestions();
    const n = Math.min(5, budgets.streamConcurrency);
    test.setTimeout(streamTestTimeoutMs(budgets, n));
    const session = streams.session();
    const prepared = await prepare(session, api, budgets, n);
    const socket = await session.open();
    const handles = prepared.map((p) => socket.ask(p.input, { token: p.token, reference: p.reference }));
    expectAllCompleted(await Promise.all(handles.map((h) => h.done)));
  });

  test('many sockets at once: each answer complete, no crosstalk', async ({
    streams,
    api,
    suiteConfig: { budgets },
    safety,
  }) => {
    safety.streamedQuestions();
    const n = Math.min(20, budgets.streamConcurrency);
    test.setTimeout(streamTestTimeoutMs(budgets, n));
    const session = streams.session();
    const prepared = await prepare(session, api, budgets, n);
    const sockets = await Promise.all(prepared.map(() => session.open()));
    const handles = prepared.map((p, i) => sockets[i]!.ask(p.input, { token: p.token, reference: p.reference }));
    expectAllCompleted(await Promise.all(handles.map((h) => h.done)));
  });
});
