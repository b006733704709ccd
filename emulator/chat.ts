/** Conversation bookkeeping shared by the REST handlers and the stream. */
import { randomUUID } from 'node:crypto';
import { cleanApplication, nowAfter } from './shapes/common.js';
import type { ConversationRecord, MessageRecord } from './shapes/conversation.js';
import type { Store } from './store/index.js';

/** A new conversation record from a SeededConversation (or from a streamed question's text). */
export function newConversation(seeded: any): ConversationRecord {
  const now = nowAfter();
  const c: ConversationRecord = { id: randomUUID(), type: seeded?.type ?? 'COPILOT', created: now, updated: now };
  if (typeof seeded?.name === 'string') c.name = seeded.name;
  if (typeof seeded?.favorited === 'boolean') c.favorited = seeded.favorited;
  if (seeded?.application) c.application = cleanApplication(seeded.application);
  if (typeof seeded?.model?.id === 'string') c.model = { id: seeded.model.id };
  return c;
}

/** A new message of a conversation; the text goes to fragment.string.raw. */
export function newMessage(
  conversation: string,
  role: MessageRecord['role'],
  fragment: MessageRecord['fragment'],
  at?: string,
): MessageRecord {
  const now = at ?? nowAfter();
  return { id: randomUUID(), conversation, role, created: now, updated: now, ...(fragment ? { fragment } : {}) };
}

/** A conversation named after the question that opened it (the stream creates these). */
export function conversationForQuestion(store: Store, query: string): ConversationRecord {
  const name = query.trim().replace(/\s+/g, ' ');
  const c = newConversation({
    type: 'COPILOT',
    name: name.length > 60 ? `${name.slice(0, 57)}...` : name || 'New Conversation',
  });
  c.startedBy = 'stream';
  store.conversations.create(c);
  return c;
}

/** Records a question and its answer in a conversation and moves its `updated` forward. */
export function recordExchange(store: Store, conversationId: string, question: string, answer: string): void {
  const c = store.conversations.get(conversationId);
  if (!c) return; // deleted meanwhile: nothing to record into
  const asked = nowAfter(c.updated);
  const answered = nowAfter(asked);
  const messages = [
    newMessage(c.id, 'USER', { string: { raw: question } }, asked),
    newMessage(c.id, 'ASSISTANT', { string: { raw: answer } }, answered),
  ];
  store.conversations.append({ ...c, updated: answered }, messages);
}
