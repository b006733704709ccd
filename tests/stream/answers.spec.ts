/**
 * Streamed answers on /qgpt/stream: the two request styles, and the conversation a streamed
 * question creates, read back over REST. Every frame is judged by the stream checks at teardown
 * (grammar, schema, echoed id, conversation, crosstalk, chunk order against the REST twin).
 */
import { test, expect } from './fixtures.js';
import { markedName, seed } from '../fixtures/data.js';
import { must } from '../fixtures/must.js';
import { answerOf, firstConversationOf, terminalStatusOf } from '../../src/stream/index.js';
import { questionInput, relevanceInput, restAnswer } from './inputs.js';
import { streamTestTimeoutMs } from '../../src/settings/index.js';

test.describe('QGPT stream answers', { tag: '@QGPT' }, () => {
  test('question only: the chunks make a non-empty answer, COMPLETED last, equal to the REST answer', async ({
    streams,
    api,
    suiteConfig: { budgets },
    safety,
  }) => {
    safety.streamedQuestions();
    test.setTimeout(streamTestTimeoutMs(budgets, 1));
    const session = streams.session();
    const socket = await session.open();
    const token = session.token();
    const input = questionInput(token);
    const reference = budgets.deterministic ? await restAnswer(api, input) : undefined;
    const req = await socket.ask(input, { token, reference }).done;
    expect.soft(answerOf(req).length, 'the concatenated chunks are a non-empty answer').toBeGreaterThan(0);
    expect.soft(terminalStatusOf(req), 'the last frame of the answer').toBe('COMPLETED');
  });

  test('relevance + question: context is found and the answer streamed, COMPLETED last', async ({
    streams,
    api,
    suiteConfig: { budgets },
    safety,
  }) => {
    safety.writes();
    test.setTimeout(streamTestTimeoutMs(budgets, 1));
    const session = streams.session();
    const token = session.token();
    const asset = must(
      await api.call('createAsset', {
        body: seed(markedName('stream'), `// ${token}: reverse a list in place\nconst reversed = items.reverse();\n`),
      }),
      'the relevance stream test',
    );
    const input = relevanceInput(token, [asset.id]);
    const reference = budgets.deterministic ? await restAnswer(api, input) : undefined;
    const socket = await session.open();
    const req = await socket.ask(input, { token, reference }).done;
    expect.soft(answerOf(req).length, 'the concatenated chunks are a non-empty answer').toBeGreaterThan(0);
    expect.soft(terminalStatusOf(req), 'the last frame of the answer').toBe('COMPLETED');
  });

  test('no conversation in the input: a new conversation holds the question and the answer', async ({
    streams,
    api,
    judge,
    safety,
    suiteConfig: { budgets },
  }) => {
    safety.writes();
    test.setTimeout(streamTestTimeoutMs(budgets, 2, { sequential: true }));
    const before = new Set(
      (await api.call('getConversationsSnapshot', { query: { transferables: false } })).data?.iterable.map(
        (c) => c.id,
      ) ?? [],
    );
    const session = streams.session();
    const socket = await session.open();
    const token = session.token();
    const input = questionInput(token, 'How do I read a file line by line in Node.js?');
    const req = await socket.ask(input, { token }).done;
    const conversation = firstConversationOf(req.frames);
    if (!conversation) return; // stream_conversation_present reports it
    expect.soft(before.has(conversation), `conversation ${conversation} of request ${req.id} is new`).toBe(false);

    const read = await api.call('getConversation', { path: { conversation }, query: { transferables: false } });
    judge('ensure_resource_availability', {
      operation: 'getConversation',
      id: conversation,
      createdBy: 'qgptStream',
      read: read.exchange,
    });
    // The id every frame carried is the one the REST snapshot lists.
    const listed = await api.call('getConversationsSnapshot', { query: { transferables: false } });
    judge('ensure_resource_availability', {
      operation: 'getConversationsSnapshot',
      via: 'getConversationsSnapshot',
      id: conversation,
      createdBy: 'qgptStream',
      listed: listed.data?.iterable.some((c) => c.id === conversation),
    });
    const messages = await api.call('getConversationMessages', {
      path: { conversation },
      query: { transferables: true },
    });
    judge('conversation_messages_recorded', {
      operation: 'getConversationMessages',
      conversation,
      expected: [
        { role: 'USER', text: input.question.query },
        { role: 'ASSISTANT', text: answerOf(req) },
      ],
      recorded: (messages.data?.iterable ?? []).map((m) => ({ role: m.role, text: m.fragment?.string?.raw })),
    });

    // A follow-up in that conversation: every frame names it (stream_conversation_present).
    const followToken = session.token();
    await socket.ask({ ...questionInput(followToken, 'And in Python?'), conversation }, { token: followToken }).done;
  });
});
