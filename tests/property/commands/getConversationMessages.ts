/** getConversationMessages: a conversation lists the messages it was seeded with, in order; a deleted one has none to list. */
import fc from 'fast-check';
import { iterable, judgeGone, slot, type PiecesCommand, type PiecesModel, type PiecesReal } from '../model.js';

/** GET /conversation/{conversation}/messages of the conversation at a position. */
export class GetConversationMessagesCommand implements PiecesCommand {
  constructor(readonly position: number) {}

  check(m: Readonly<PiecesModel>): boolean {
    return m.conversations.length > 0;
  }

  async run(m: PiecesModel, r: PiecesReal): Promise<void> {
    const i = slot(this.position, m.conversations.length);
    const id = r.conversations[i];
    r.property.begin(`${this}: #${i} ${id}`);
    if (m.conversations[i].deleted) {
      await judgeGone(r, 'deleteConversation', 'getConversationMessages', 'conversation', id, 'messages after delete');
      r.property.settle();
      return;
    }
    const res = await r.api.call('getConversationMessages', {
      path: { conversation: id },
      query: { transferables: true },
    });
    const items = iterable(res.data);
    if (items) {
      const recorded = items.map((msg) => ({ role: msg.role, text: msg.fragment?.string?.raw }));
      r.judge('conversation_messages_recorded', {
        operation: 'getConversationMessages',
        conversation: id,
        expected: m.conversations[i].messages,
        recorded,
      });
    }
    r.property.settle();
  }

  toString(): string {
    return `getConversationMessages(GET /conversation/{#${this.position}}/messages)`;
  }
}

/** Generated getConversationMessages commands. */
export function getConversationMessages(): fc.Arbitrary<PiecesCommand> {
  return fc.nat().map((p) => new GetConversationMessagesCommand(p));
}
