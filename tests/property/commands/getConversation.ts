/** getConversation: a created conversation is readable and keeps its name; a deleted one is gone (use after delete). */
import fc from 'fast-check';
import { judgeGone, need, slot, type PiecesCommand, type PiecesModel, type PiecesReal } from '../model.js';

/** GET /conversation/{conversation} of the conversation at a position. */
export class GetConversationCommand implements PiecesCommand {
  constructor(readonly position: number) {}

  check(m: Readonly<PiecesModel>): boolean {
    return m.conversations.length > 0;
  }

  async run(m: PiecesModel, r: PiecesReal): Promise<void> {
    const i = slot(this.position, m.conversations.length);
    const id = r.conversations[i];
    r.property.begin(`${this}: #${i} ${id}`);
    if (m.conversations[i].deleted) {
      await judgeGone(r, 'deleteConversation', 'getConversation', 'conversation', id);
      r.property.settle();
      return;
    }
    const read = await r.api.call('getConversation', { path: { conversation: id } });
    r.judge('ensure_resource_availability', {
      operation: 'createConversation',
      via: 'getConversation',
      id,
      createdBy: 'createConversation',
      read: read.exchange,
    });
    const conversation = need(r, read.data, 'getConversation');
    r.judge('references_consistent', {
      operation: 'getConversation',
      id,
      field: 'name',
      source: 'createConversation',
      expected: m.conversations[i].name,
      actual: conversation.name,
    });
    r.property.settle();
  }

  toString(): string {
    return `getConversation(GET /conversation/{#${this.position}})`;
  }
}

/** Generated getConversation commands. */
export function getConversation(): fc.Arbitrary<PiecesCommand> {
  return fc.nat().map((p) => new GetConversationCommand(p));
}
