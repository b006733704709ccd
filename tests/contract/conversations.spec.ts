/**
 * Conversations: create (with seeded messages) → get → listed → its messages, in order → delete →
 * gone (410) on both reads and no longer listed; an unknown conversation is gone (410) on both reads.
 */
import { test, expect } from '../fixtures/index.js';
import { markedName, seededConversation, unknownId, asked } from '../fixtures/data.js';
import { must } from '../fixtures/must.js';
import { StreamSession } from '../../src/stream/index.js';

test.describe('Conversations', { tag: '@Conversations' }, () => {
  test('a conversation is created, readable, listed and holds its messages in order', async ({
    api,
    judge,
    safety,
  }) => {
    safety.writes();
    const name = markedName('conversation');
    const messages = [
      { role: 'USER' as const, text: 'How do I reverse a list in Python?' },
      { role: 'ASSISTANT' as const, text: 'Use `items.reverse()` in place, or `reversed(items)`.' },
      { role: 'USER' as const, text: 'And without changing the original list?' },
    ];
    const created = must(
      await api.call('createConversation', {
        body: seededConversation(name, messages),
        query: { transferables: true },
      }),
      'the conversation lifecycle',
    );
    expect.soft(created.name, 'createConversation answers the given name').toBe(name);

    const read = await api.call('getConversation', {
      path: { conversation: created.id },
      query: { transferables: true },
    });
    judge('ensure_resource_availability', {
      operation: 'createConversation',
      via: 'getConversation',
      id: created.id,
      createdBy: 'createConversation',
      read: read.exchange,
    });
    const ids = (read.data ?? created).messages.iterable.map((m) => m.id);

    const listed = await api.call('getConversationsSnapshot', { query: { transferables: false } });
    judge('ensure_resource_availability', {
      operation: read.ok ? 'getConversationsSnapshot' : 'createConversation',
      via: 'getConversationsSnapshot',
      id: created.id,
      createdBy: 'createConversation',
      listed: listed.data?.iterable.some((c) => c.id === created.id),
    });

    const recorded = await api.call('getConversationMessages', {
      path: { conversation: created.id },
      query: { transferables: true },
    });
    const list = recorded.data?.iterable ?? [];
    judge('conversation_messages_recorded', {
      operation: 'getConversationMessages',
      conversation: created.id,
      expected: messages,
      recorded: list.map((m) => ({ role: m.role, text: m.fragment?.string?.raw })),
    });
    judge('references_consistent', {
      operation: 'getConversationMessages',
      id: created.id,
      field: 'message ids',
      source: 'getConversation',
      expected: [...ids].sort(),
      actual: list.map((m) => m.id).sort(),
    });
    for (const m of list) {
      judge('references_consistent', {
        operation: 'getConversationMessages',
        id: m.id,
        field: 'conversation.id',
        source: 'the path',
        expected: created.id,
        actual: m.conversation?.id,
      });
    }
  });

  test('a question asked in a conversation is recorded as its messages', async ({
    api,
    judge,
    safety,
    target,
    validators,
  }) => {
    safety.writes();
    const created = must(
      await api.call('createConversation', { body: seededConversation(markedName('asked')) }),
      'the conversation test',
    );
    const query = 'How do I read a file line by line in Node.js?';
    // Questions in a conversation are asked on the stream (the REST question takes no conversation);
    // the stream suite judges the frames, this test judges what the conversation records.
    const session = new StreamSession({ baseUrl: target.url, validators });
    try {
      const socket = await session.open();
      await socket.ask({ question: { query, relevant: { iterable: [] }, ...asked() }, conversation: created.id }).done;
    } finally {
      await session.close();
    }
    const recorded = await api.call('getConversationMessages', {
      path: { conversation: created.id },
      query: { transferables: true },
    });
    judge('conversation_messages_recorded', {
      operation: 'getConversationMessages',
      conversation: created.id,
      expected: [{ role: 'USER', text: query }, { role: 'ASSISTANT' }],
      recorded: (recorded.data?.iterable ?? []).map((m) => ({ role: m.role, text: m.fragment?.string?.raw })),
    });
  });

  test('a deleted conversation is gone: both reads answer 410 and the snapshot no longer lists it', async ({
    api,
    judge,
    safety,
  }) => {
    safety.writes();
    const created = must(
      await api.call('createConversation', {
        body: seededConversation(markedName('deleted'), [{ role: 'USER', text: 'Soon gone.' }]),
      }),
      'the conversation delete test',
    );
    const deleted = await api.call('deleteConversation', { path: { conversation: created.id } });
    expect(deleted.ok, 'deleteConversation answers 2xx').toBe(true);

    // While the conversation still reads by id, the delete is blamed for every view that shows it.
    const after = await api.call('getConversation', {
      path: { conversation: created.id },
      intent: 'neutral',
      note: 'read after delete',
    });
    const kept = (after.exchange.response?.status ?? 0) < 300;
    const blame = (view: string) => (kept ? 'deleteConversation' : view);
    judge('use_after_delete', {
      operation: 'deleteConversation',
      via: 'getConversation',
      id: created.id,
      deletedBy: 'deleteConversation',
      read: after.exchange,
    });
    const messages = await api.call('getConversationMessages', {
      path: { conversation: created.id },
      intent: 'neutral',
      note: 'messages after delete',
    });
    judge('use_after_delete', {
      operation: blame('getConversationMessages'),
      via: 'getConversationMessages',
      id: created.id,
      deletedBy: 'deleteConversation',
      read: messages.exchange,
    });
    const listed = await api.call('getConversationsSnapshot', { query: { transferables: false } });
    judge('use_after_delete', {
      operation: blame('getConversationsSnapshot'),
      via: 'getConversationsSnapshot',
      id: created.id,
      deletedBy: 'deleteConversation',
      listed: listed.data?.iterable.some((c) => c.id === created.id),
    });
  });

  test('the conversations snapshot answers', async ({ api }) => {
    await api.call('getConversationsSnapshot');
  });

  test('an unknown conversation is gone', async ({ api }) => {
    const id = unknownId();
    await api.call('getConversation', {
      path: { conversation: id },
      intent: 'negative',
      note: 'unknown conversation',
      expectation: 'unknown-id-gone',
    });
    await api.call('getConversationMessages', {
      path: { conversation: id },
      intent: 'negative',
      note: 'unknown conversation',
    });
  });
});
