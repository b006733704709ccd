/**
 * Every stream fault switch of the emulator trips the stream check it names. One small scenario
 * (two questions at once on one socket, each with its REST twin; malformed input, a valid
 * question, a follow-up in its conversation and a stop after it completed on another socket; a
 * download watched to its end) runs against an emulator with no
 * fault (nothing may fail) and then with each stream fault (its expected check must fail, with
 * facts naming the request or model).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startEmulator, listFaults } from '../../../emulator/index.js';
import { buildValidators, loadSpec } from '../../../src/index.js';
import { judgeStreams } from '../../../src/checks/run.js';
import { firstConversationOf, StreamSession } from '../../../src/stream/index.js';
import type { ContractFailure } from '../../../src/core/errors.js';

const validators = buildValidators(await loadSpec('spec/pieces-os.openapi.yaml'), 'strict');

/** The faults whose expected check is a stream check. */
const STREAM_FAULTS = listFaults().filter((f) => /^(stream|download)_/.test(f.expectedCheck));

async function post(url: string, body?: unknown): Promise<any> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.ok ? res.json() : undefined;
}

/** Runs the scenario against an emulator with `faults`; answers the stream failures. */
async function scenario(faults: string[]): Promise<ContractFailure[]> {
  const emu = await startEmulator({ port: 0, memory: true, faults, streamDelayMs: 1, downloadMs: 100 });
  // A slow first chunk (after 6 s of empty frames) must arrive before the request's timeout.
  const slow = faults.includes('stream-slow-first-chunk');
  const session = new StreamSession({
    baseUrl: emu.url,
    validators,
    timeouts: { requestMs: slow ? 10_000 : 3000, idleMs: slow ? 3000 : 600 },
    settleMs: 50,
    budgets: { ttfcMs: 5000 },
  });
  try {
    const question = (token: string) => ({
      question: { query: `How do I reverse a list? [${token}]`, relevant: { iterable: [] } },
    });
    const twins = await Promise.all(
      [session.token(), session.token()].map(async (token) => {
        const out = await post(`${emu.url}/qgpt/question`, question(token).question);
        return { token, reference: out?.answers?.iterable?.[0]?.text as string | undefined };
      }),
    );
    const a = await session.open();
    const asks = twins.map((t) => a.ask(question(t.token), { token: t.token, reference: t.reference }).done);
    const b = await session.open();
    await b.sendRaw('not JSON {', 'not-json').done;
    const token = session.token();
    const valid = b.ask(question(token), { token }).done;
    const models: any[] = (await (await fetch(`${emu.url}/models`)).json()).iterable;
    const model = models.find((m) => !m.cloud && !m.downloaded)!.id as string;
    const watch = await session.watchDownload(model, { expectTerminal: 'COMPLETED', timeoutMs: 3000 });
    await post(`${emu.url}/model/${model}/download`);
    const answered = await valid;
    // A follow-up in the conversation the answer started, then a stop after it completed.
    const next = session.token();
    const followUp = await b.ask(
      { ...question(next), conversation: firstConversationOf(answered.frames) },
      {
        token: next,
      },
    ).done;
    b.stop(followUp.id);
    await Promise.all([...asks, watch.done]);
    await session.settle();
    return judgeStreams(session.subjects(), { validators }).flatMap((v) => v.failures);
  } finally {
    await session.close();
    await emu.close();
  }
}

test('the stream faults of the catalogue are the ones this test covers', () => {
  assert.deepEqual(STREAM_FAULTS.map((f) => f.name).sort(), [
    'download-progress-decreases',
    'download-progress-goes-quiet',
    'stream-chunks-out-of-order',
    'stream-crosstalk',
    'stream-error-without-message',
    'stream-fails-valid',
    'stream-follow-up-new-conversation',
    'stream-frame-not-json',
    'stream-frames-after-terminal',
    'stream-invalid-frame',
    'stream-malformed-closes',
    'stream-missing-conversation',
    'stream-no-completed',
    'stream-request-not-echoed',
    'stream-slow-first-chunk',
    'stream-stop-after-complete',
  ]);
});

test('without a fault, no stream check fails', async () => {
  assert.deepEqual(
    (await scenario([])).map((f) => f.message),
    [],
  );
});

for (const fault of STREAM_FAULTS) {
  test(`fault ${fault.name} trips ${fault.expectedCheck}`, async () => {
    const failures = await scenario([fault.name]);
    const mine = failures.filter((f) => f.check === fault.expectedCheck);
    assert.ok(
      mine.length > 0,
      `expected ${fault.expectedCheck}; got ${[...new Set(failures.map((f) => f.check))].join(', ') || 'nothing'}`,
    );
    for (const f of mine) assert.match(f.facts, /^(request|model) \S+: /, f.message);
  });
}
