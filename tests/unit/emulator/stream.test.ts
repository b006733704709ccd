/** Emulator /qgpt/stream over a real WebSocket: grammar, echo, multiplexing, stop, reset, bad input. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../../emulator/index.js';
import { APP, seed, strictValidator } from './helpers.js';
import { StreamClient } from './wsclient.js';

const post = async (em: RunningEmulator, path: string, body?: unknown) => {
  const r = await fetch(
    em.url + path,
    body === undefined
      ? { method: 'POST' }
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );
  return r.json() as Promise<any>;
};
const get = async (em: RunningEmulator, path: string) => (await fetch(em.url + path)).json() as Promise<any>;

/** The statuses of a request's frames, IN-PROGRESS runs collapsed. */
function grammar(frames: any[]): string[] {
  return frames.map((f) => f.status).filter((s, i, all) => s !== 'IN-PROGRESS' || all[i - 1] !== 'IN-PROGRESS');
}

describe('emulator qgpt stream', () => {
  let em: RunningEmulator;
  let client: StreamClient;
  const frameOk = strictValidator('QGPTStreamOutput');
  before(async () => {
    em = await startEmulator({ port: 0, streamDelayMs: 1 });
    await post(em, '/assets/create', seed('def merge_sort(xs):\n    return sorted(xs)', { name: 'Merge sort' }));
    await post(em, '/assets/create', seed('SELECT * FROM orders WHERE total > 100', { name: 'Big orders' }));
    client = await StreamClient.open(em.url);
  });
  after(async () => {
    client.close();
    await em.close();
  });

  test('a relevance request streams INITIALIZED, chunks, COMPLETED; every frame conforms', async () => {
    client.send({
      request: 'r1',
      relevance: { query: 'merge sort in python', application: APP.id, options: { question: true } },
    });
    const frames = await client.finished('r1');
    assert.deepEqual(grammar(frames), ['INITIALIZED', 'IN-PROGRESS', 'COMPLETED']);
    for (const f of frames) assert.ok(frameOk(f), JSON.stringify(frameOk.errors));
    const conversation = frames[0].conversation;
    assert.ok(conversation);
    assert.ok(frames.every((f) => f.conversation === conversation && f.request === 'r1'));
    assert.equal(frames[0].relevance.relevant.iterable[0].seed.asset.metadata.name, 'Merge sort');
    // The streamed answer is the REST answer for the same input, chunk by chunk.
    const rest = await post(em, '/qgpt/relevance', { query: 'merge sort in python', options: { question: true } });
    assert.equal(client.text('r1'), rest.answer.answers.iterable[0].text);
  });

  test('the question and the answer are recorded in the created conversation', async () => {
    client.send({ request: 'r2', relevance: { query: 'big orders query', options: { question: true } } });
    const frames = await client.finished('r2');
    const id = frames[0].conversation;
    const messages = await get(em, `/conversation/${id}/messages`);
    assert.deepEqual(
      messages.iterable.map((m: any) => m.role),
      ['USER', 'ASSISTANT'],
    );
    assert.equal(messages.iterable[0].fragment.string.raw, 'big orders query');
    assert.equal(messages.iterable[1].fragment.string.raw, client.text('r2'));
    // A follow-up in the same conversation appends to it.
    client.send({ request: 'r3', conversation: id, question: { query: 'and the total?', relevant: { iterable: [] } } });
    const follow = await client.finished('r3');
    assert.ok(follow.every((f) => f.conversation === id));
    const after2 = await get(em, `/conversation/${id}/messages`);
    assert.equal(after2.iterable.length, 4);
    assert.equal(after2.iterable[2].fragment.string.raw, 'and the total?');
  });

  test('without a request id the server generates one and uses it in every frame', async () => {
    const before = client.frames.length;
    client.send({ question: { query: 'anything', relevant: { iterable: [] } } });
    await client.until((fs) => fs.slice(before).some((f) => f.status === 'COMPLETED'));
    const mine = client.frames.slice(before);
    assert.ok(typeof mine[0].request === 'string' && mine[0].request.length > 0);
    assert.ok(mine.every((f) => f.request === mine[0].request));
  });

  test('two requests on one socket are multiplexed without crosstalk', async () => {
    client.send({ request: 'a', relevance: { query: 'merge sort', options: { question: true } } });
    client.send({ request: 'b', relevance: { query: 'orders total', options: { question: true } } });
    const [fa, fb] = [await client.finished('a'), await client.finished('b')];
    assert.notEqual(fa[0].conversation, fb[0].conversation);
    assert.ok(fa.every((f) => f.conversation === fa[0].conversation));
    assert.ok(fb.every((f) => f.conversation === fb[0].conversation));
    const ra = await post(em, '/qgpt/relevance', { query: 'merge sort', options: { question: true } });
    const rb = await post(em, '/qgpt/relevance', { query: 'orders total', options: { question: true } });
    assert.equal(client.text('a'), ra.answer.answers.iterable[0].text);
    assert.equal(client.text('b'), rb.answer.answers.iterable[0].text);
  });

  // Malformed input: an in-band FAILED frame, and the socket stays usable.
  const malformed: Array<[string, unknown, RegExp]> = [
    ['not JSON', '{nope', /not JSON/],
    ['an array', '[1,2]', /QGPTStreamInput object/],
    ['a number', '42', /QGPTStreamInput object/],
    ['a query of the wrong type', { request: 'm4', relevance: { query: 5 } }, /relevance\.query/],
    ['neither relevance nor question', { request: 'm5' }, /needs relevance or question/],
    [
      'both relevance and question',
      { request: 'm6', relevance: { query: 'x' }, question: { query: 'x', relevant: { iterable: [] } } },
      /not both/,
    ],
    [
      'an unknown conversation',
      { request: 'm7', conversation: 'no-such', question: { query: 'x', relevant: { iterable: [] } } },
      /no longer exists/,
    ],
    [
      'a request id of the wrong type',
      { request: 7, question: { query: 'x', relevant: { iterable: [] } } },
      /'request'/,
    ],
  ];
  for (const [label, message, error] of malformed) {
    test(`malformed input (${label}) gets FAILED in band; the socket stays open`, async () => {
      const before = client.frames.length;
      client.send(message);
      await client.until((fs) => fs.slice(before).some((f) => f.status === 'FAILED'));
      const failed: any = client.frames.slice(before).find((f) => f.status === 'FAILED');
      assert.match(failed.errorMessage, error);
      assert.ok(frameOk(failed), JSON.stringify(frameOk.errors));
      if (typeof message === 'object' && typeof (message as any).request === 'string')
        assert.equal(failed.request, (message as any).request);
      client.send({ request: `ok-${before}`, question: { query: 'still there?', relevant: { iterable: [] } } });
      assert.equal((await client.finished(`ok-${before}`)).at(-1).status, 'COMPLETED');
    });
  }

  test('a plain GET (no upgrade) answers one conforming frame saying it is a WebSocket', async () => {
    const r = await fetch(`${em.url}/qgpt/stream`);
    assert.equal(r.status, 200);
    const body: any = await r.json();
    assert.ok(frameOk(body));
    assert.equal(body.status, 'FAILED');
  });
});

describe('emulator qgpt stream: stop and reset', () => {
  let em: RunningEmulator;
  before(async () => {
    em = await startEmulator({ port: 0, streamDelayMs: 25 });
  });
  after(async () => {
    await em.close();
  });

  test('{conversation, stop:true} ends a running answer with STOPPED and nothing after it', async () => {
    const c = await StreamClient.open(em.url);
    try {
      c.send({ request: 's1', question: { query: 'a long question to be interrupted', relevant: { iterable: [] } } });
      await c.until((fs) => fs.filter((f) => f.request === 's1' && f.status === 'IN-PROGRESS').length >= 2);
      const conversation = c.of('s1')[0].conversation;
      c.send({ conversation, stop: true });
      await c.finished('s1');
      await new Promise((r) => setTimeout(r, 100));
      const frames = c.of('s1');
      assert.equal(frames.at(-1).status, 'STOPPED');
      assert.ok(!frames.some((f) => f.status === 'COMPLETED'));
      const messages = await get(em, `/conversation/${conversation}/messages`);
      assert.equal(messages.iterable[1].fragment.string.raw, c.text('s1'));
    } finally {
      c.close();
    }
  });

  test('{reset:true} cancels what runs and answers RESET', async () => {
    const c = await StreamClient.open(em.url);
    try {
      c.send({ request: 'x1', question: { query: 'to be reset', relevant: { iterable: [] } } });
      await c.until((fs) => fs.some((f) => f.request === 'x1' && f.status === 'IN-PROGRESS'));
      c.send({ request: 'reset-1', reset: true });
      await c.finished('reset-1');
      assert.equal(c.of('x1').at(-1).status, 'CANCELED');
      assert.equal(c.of('reset-1')[0].status, 'RESET');
    } finally {
      c.close();
    }
  });
});
