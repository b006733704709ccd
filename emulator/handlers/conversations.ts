/** Conversations: snapshot, create, get one, its messages, delete. */
import { newConversation, newMessage } from '../chat.js';
import { flag, type Ctx, type HandlerMap } from '../context.js';
import { gone, sendJson, sendText } from '../http.js';
import { pick } from '../shapes/common.js';
import { renderConversation, renderMessages } from '../shapes/conversation.js';

/** Handlers of the Conversations tag. */
export function conversationHandlers(ctx: Ctx): HandlerMap {
  const { store, faults } = ctx;
  const missing = (id: string): never => {
    if (faults.has('conversation-gone-as-500')) throw new Error(`conversation lookup failed for ${id}`);
    return gone('Conversation', id);
  };
  return {
    getConversationsSnapshot: (req, reply) => {
      const t = flag(req, 'transferables');
      // The streamed-conversation-unlisted fault: the snapshot misses what the stream started.
      const listed = store.conversations
        .all()
        .filter((c) => !(faults.has('streamed-conversation-unlisted') && c.startedBy === 'stream'));
      const body = {
        iterable: listed.map((c) => renderConversation(c, store.conversations.messages(c.id), t)),
      };
      if (faults.has('conversations-text-plain')) return sendText(reply, 200, JSON.stringify(body));
      return sendJson(reply, body);
    },

    createConversation: (req, reply) => {
      const seeded = req.body as any;
      const c = newConversation(seeded);
      const messages = (seeded.messages ?? []).map((m: any) =>
        newMessage(c.id, m.role, pick(m.fragment, ['string', 'bytes', 'metadata'])),
      );
      store.conversations.create(c, messages);
      return sendJson(reply, renderConversation(c, messages, flag(req, 'transferables')));
    },

    getConversation: (req, reply) => {
      const { conversation } = req.params as { conversation: string };
      const c = store.conversations.get(conversation);
      if (!c) return missing(conversation);
      return sendJson(reply, renderConversation(c, store.conversations.messages(c.id), flag(req, 'transferables')));
    },

    getConversationMessages: (req, reply) => {
      const { conversation } = req.params as { conversation: string };
      if (!store.conversations.get(conversation)) return missing(conversation);
      const body = renderMessages(store.conversations.messages(conversation), flag(req, 'transferables'));
      if (faults.has('messages-indices-off-by-one')) {
        for (const id of Object.keys(body.indices)) body.indices[id] += 1;
      }
      return sendJson(reply, body);
    },

    deleteConversation: (req, reply) => {
      const { conversation } = req.params as { conversation: string };
      const name = store.conversations.get(conversation)?.name;
      // The fault answers as if it deleted, and keeps the conversation.
      const found = faults.has('conversation-delete-keeps')
        ? store.conversations.get(conversation) !== undefined
        : store.conversations.delete(conversation);
      if (!found) return missing(conversation);
      if (faults.has('conversation-delete-by-name') && name !== undefined) {
        for (const other of store.conversations.all()) if (other.name === name) store.conversations.delete(other.id);
      }
      return reply.code(204).send();
    },
  };
}
