/** Emulator QGPT (REST) and Conversations handlers. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertConforms, call, createAsset, makeEmulator, type TestEmulator } from './helpers.js';

describe('emulator qgpt and conversations', () => {
  let em: TestEmulator;
  let sortId: string;
  before(async () => {
    em = await makeEmulator();
    sortId = (await createAsset(em, 'def bubble_sort(xs):\n    for i in range(len(xs)): pass', { name: 'Bubble sort' }))
      .id;
    await createAsset(em, 'async function download(url) { return fetch(url); }', { name: 'Downloader' });
    await createAsset(em, 'body { color: red; } /* bubble */', { name: 'Styles' });
  });
  after(async () => {
    await em.close();
  });

  test('relevance answers {relevant}, most relevant first, scores in [0,1]', async () => {
    const r = await call(em, 'POST', '/qgpt/relevance', { body: { query: 'how do I bubble sort a list' } });
    assertConforms('qgptRelevance', r);
    assert.equal(r.json.relevant.iterable[0].id, sortId);
    assert.deepEqual(r.json.relevant.iterable[0].asset, { id: sortId });
    assert.deepEqual(Object.keys(r.json), ['relevant']);
    const scores = r.json.relevant.iterable.map((i: any) => i.score);
    assert.deepEqual(
      scores,
      [...scores].sort((a: number, b: number) => b - a),
    );
    assert.ok(scores.every((s: number) => s >= 0 && s <= 1));
    assert.equal(r.json.answer, undefined);
  });

  test('with seedEnvelopes relevance also carries the seed form: the same seeds at the root', async () => {
    const seeded = await makeEmulator({ seedEnvelopes: true });
    try {
      await createAsset(seeded, 'def bubble_sort(xs):\n    pass', { name: 'Bubble sort' });
      const r = await call(seeded, 'POST', '/qgpt/relevance', { body: { query: 'bubble sort' } });
      assert.ok(r.json.relevant.iterable.length > 0);
      assert.deepEqual(r.json.iterable, r.json.relevant.iterable);
    } finally {
      await seeded.close();
    }
  });

  test('relevance with options.question also answers, like /qgpt/question on the same seeds', async () => {
    const rel = await call(em, 'POST', '/qgpt/relevance', {
      body: { query: 'bubble sort', options: { question: true } },
    });
    assertConforms('qgptRelevance', rel);
    const q = await call(em, 'POST', '/qgpt/question', { body: { query: 'bubble sort', relevant: rel.json.relevant } });
    assertConforms('qgptQuestion', q);
    assert.equal(rel.json.answer.answers.iterable[0].text, q.json.answers.iterable[0].text);
    assert.match(q.json.answers.iterable[0].text, /Bubble sort/);
  });

  test('relevance can be limited to some assets, or to request seeds only', async () => {
    const only = await call(em, 'POST', '/qgpt/relevance', {
      body: { query: 'bubble', assets: { iterable: [{ id: sortId }] } },
    });
    assert.deepEqual(
      only.json.relevant.iterable.map((i: any) => i.id),
      [sortId],
    );
    const seeds = await call(em, 'POST', '/qgpt/relevance', {
      body: {
        query: 'bubble tea',
        options: { database: false },
        seeds: {
          iterable: [
            {
              asset: {
                application: {
                  id: 'a',
                  name: 'VS_CODE',
                  version: '1',
                  platform: 'LINUX',
                  onboarded: true,
                  privacy: 'OPEN',
                },
                format: { fragment: { string: { raw: 'bubble tea recipe' } } },
              },
            },
          ],
        },
      },
    });
    assertConforms('qgptRelevance', seeds);
    assert.equal(seeds.json.relevant.iterable.length, 1);
    assert.equal(seeds.json.relevant.iterable[0].score, 1);
  });

  test('question answers are deterministic and grounded; empty relevance still answers', async () => {
    const body = { query: 'explain bubble sort', relevant: { iterable: [{ id: sortId }] } };
    const a = await call(em, 'POST', '/qgpt/question', { body });
    const b = await call(em, 'POST', '/qgpt/question', { body });
    assert.equal(a.json.answers.iterable[0].text, b.json.answers.iterable[0].text);
    assert.match(a.json.answers.iterable[0].text, /explain bubble sort/);
    const empty = await call(em, 'POST', '/qgpt/question', { body: { query: 'anything', relevant: { iterable: [] } } });
    assertConforms('qgptQuestion', empty);
    const score = empty.json.answers.iterable[0].score;
    assert.ok(score >= 0 && score <= 1);
  });

  // Bad QGPT input: 400 naming the field.
  const bad: Array<[string, string, unknown, RegExp]> = [
    ['/qgpt/question', 'no relevant', { query: 'x' }, /'relevant'/],
    ['/qgpt/question', 'no query', { relevant: { iterable: [] } }, /'query'/],
    [
      '/qgpt/question',
      'a relevant seed naming nothing',
      { query: 'x', relevant: { iterable: [{}] } },
      /relevant\.iterable\.0/,
    ],
    ['/qgpt/relevance', 'a numeric query', { query: 1 }, /'query'/],
    ['/qgpt/reprompt', 'no conversation', { query: 'x' }, /'conversation'/],
    [
      '/qgpt/reprompt',
      'a bad role',
      {
        query: 'x',
        conversation: { iterable: [{ text: 't', role: 'BOT', timestamp: { value: '2024-01-01T00:00:00Z' } }] },
      },
      /role/,
    ],
  ];
  for (const [url, label, body, message] of bad) {
    test(`${url} with ${label} is 400`, async () => {
      const r = await call(em, 'POST', url, { body });
      assert.equal(r.status, 400, r.text);
      assert.match(r.text, message);
    });
  }

  test('reprompt rewrites the query using the conversation', async () => {
    const ts = { value: '2024-01-01T00:00:00.000Z' };
    const r = await call(em, 'POST', '/qgpt/reprompt', {
      body: {
        query: 'and in Rust?',
        conversation: {
          iterable: [
            { text: 'How do I sort a vector?', role: 'USER', timestamp: ts },
            { text: 'Use sort().', role: 'ASSISTANT', timestamp: ts },
          ],
        },
      },
    });
    assertConforms('qgptReprompt', r);
    assert.match(r.json.query, /and in Rust\?.*How do I sort a vector\?/);
    const plain = await call(em, 'POST', '/qgpt/reprompt', { body: { query: 'same', conversation: {} } });
    assert.equal(plain.json.query, 'same');
  });

  test('conversations: create with seeded messages, get, list, messages', async () => {
    const created = await call(em, 'POST', '/conversations/create', {
      body: {
        type: 'COPILOT',
        name: 'Sorting chat',
        messages: [{ role: 'USER', fragment: { string: { raw: 'hi' } } }],
      },
    });
    assertConforms('createConversation', created);
    const id = created.json.id;
    assert.equal(created.json.messages.iterable.length, 1);
    const got = await call(em, 'GET', `/conversation/${id}`);
    assertConforms('getConversation', got);
    assert.equal(got.json.name, 'Sorting chat');
    const list = await call(em, 'GET', '/conversations');
    assertConforms('getConversationsSnapshot', list);
    assert.ok(list.json.iterable.some((c: any) => c.id === id));
    const msgs = await call(em, 'GET', `/conversation/${id}/messages`);
    assertConforms('getConversationMessages', msgs);
    assert.equal(msgs.json.iterable[0].fragment.string.raw, 'hi');
    assert.equal(msgs.json.iterable[0].role, 'USER');
    assert.equal(msgs.json.indices[msgs.json.iterable[0].id], 0);
    const lite = await call(em, 'GET', `/conversation/${id}/messages?transferables=false`);
    assert.deepEqual(lite.json.iterable[0].fragment.string, {});
  });

  test('conversations: delete answers 204 with no body; then both reads are 410, the snapshot drops it, a second delete is 410', async () => {
    const created = await call(em, 'POST', '/conversations/create', {
      body: {
        type: 'COPILOT',
        name: 'Short-lived',
        messages: [{ role: 'USER', fragment: { string: { raw: 'bye' } } }],
      },
    });
    const id = created.json.id;
    const kept = (await call(em, 'POST', '/conversations/create', { body: { type: 'COPILOT', name: 'Kept' } })).json.id;
    const deleted = await call(em, 'POST', `/conversations/${id}/delete`);
    assert.equal(deleted.status, 204);
    assert.equal(deleted.text, '');
    for (const url of [`/conversation/${id}`, `/conversation/${id}/messages`, `/conversations/${id}/delete`]) {
      const r = await call(em, url.endsWith('/delete') ? 'POST' : 'GET', url);
      assert.equal(r.status, 410, url);
      assert.match(r.text, new RegExp(`Conversation ${id}`));
    }
    const ids = (await call(em, 'GET', '/conversations')).json.iterable.map((c: any) => c.id);
    assert.ok(!ids.includes(id));
    assert.ok(ids.includes(kept), 'only the deleted conversation is gone');
  });

  test('conversations: unknown ids are 410, bad seeds 400', async () => {
    for (const url of ['/conversation/nope', '/conversation/nope/messages']) {
      const r = await call(em, 'GET', url);
      assert.equal(r.status, 410);
      assert.match(r.type, /^text\/plain/);
    }
    const bad = await call(em, 'POST', '/conversations/create', { body: { name: 'no type' } });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /'type'/);
  });
});
