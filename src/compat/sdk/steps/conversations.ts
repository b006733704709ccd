/** The smoke steps of conversations: list, create a marked one, read it and its messages; its delete is cleanup. */
import { listing, NO_WRITE, type SmokeRun } from './context.js';

/** Exercises the conversations API; answers the id of the conversation it created, if any. */
export async function runConversationSteps({ step, skip, api, marker, writes }: SmokeRun): Promise<string | undefined> {
  await step(
    'conversationsSnapshot',
    'ConversationsApi.conversationsSnapshot',
    ['GET', '/conversations'],
    () => api('ConversationsApi').conversationsSnapshot({}),
    listing('conversations'),
  );
  let conversationId: string | undefined;
  if (writes) {
    const conv = await step(
      'createConversation',
      'ConversationsApi.conversationsCreateSpecificConversation',
      ['POST', '/conversations/create'],
      () =>
        api('ConversationsApi').conversationsCreateSpecificConversation({
          seededConversation: { type: 'COPILOT', name: `${marker}:conversation` },
        }),
      (c: any) => (c?.id ? { note: `conversation ${c.id}` } : { shapeProblem: 'the conversation has no id' }),
    );
    conversationId = typeof conv?.id === 'string' ? conv.id : undefined;
  } else
    skip(
      'createConversation',
      'ConversationsApi.conversationsCreateSpecificConversation',
      ['POST', '/conversations/create'],
      NO_WRITE,
    );
  if (conversationId) {
    const id = conversationId;
    await step(
      'getConversation',
      'ConversationApi.conversationGetSpecificConversation',
      ['GET', '/conversation/{conversation}'],
      () => api('ConversationApi').conversationGetSpecificConversation({ conversation: id }),
      (c: any) =>
        c?.id === id
          ? { note: c?.name === `${marker}:conversation` ? 'name as sent' : `name ${JSON.stringify(c?.name)}` }
          : { shapeProblem: `answered ${c?.id}, not ${id}` },
    );
    await step(
      'getConversationMessages',
      'ConversationApi.conversationSpecificConversationMessages',
      ['GET', '/conversation/{conversation}/messages'],
      () => api('ConversationApi').conversationSpecificConversationMessages({ conversation: id }),
      listing('messages'),
    );
  } else {
    const why = writes ? 'no conversation (createConversation failed)' : NO_WRITE;
    skip(
      'getConversation',
      'ConversationApi.conversationGetSpecificConversation',
      ['GET', '/conversation/{conversation}'],
      why,
    );
    skip(
      'getConversationMessages',
      'ConversationApi.conversationSpecificConversationMessages',
      ['GET', '/conversation/{conversation}/messages'],
      why,
    );
  }
  return conversationId;
}

/** Deletes the run's conversation (cleanup: not one of the 28 operations), recording it as a leftover when that fails. */
export async function deleteSmokeConversation(
  { step, api, calls, leftovers }: SmokeRun,
  conversationId: string | undefined,
): Promise<void> {
  if (conversationId) {
    const id = conversationId;
    const ok = await step(
      'deleteConversation',
      'ConversationsApi.conversationsDeleteSpecificConversation',
      ['POST', '/conversations/{conversation}/delete'],
      async () => {
        await api('ConversationsApi').conversationsDeleteSpecificConversation({ conversation: id });
        return true;
      },
      undefined,
      { cleanup: true },
    );
    if (!ok) leftovers.push(`conversation ${id} (${calls[calls.length - 1].error}; its name carries the marker)`);
  }
}
