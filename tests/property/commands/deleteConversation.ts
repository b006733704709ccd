/** deleteConversation: a live conversation is deleted; reading it afterwards answers that it is gone. */
import fc from 'fast-check';
import { judgeGone, liveConversations, slot, type PiecesCommand, type PiecesModel, type PiecesReal } from '../model.js';

/** POST /conversations/{conversation}/delete of the live conversation at a position. */
export class DeleteConversationCommand implements PiecesCommand {
  constructor(readonly position: number) {}

  check(m: Readonly<PiecesModel>): boolean {
    return liveConversations(m).length > 0;
  }

  async run(m: PiecesModel, r: PiecesReal): Promise<void> {
    const live = liveConversations(m);
    const i = live[slot(this.position, live.length)];
    const id = r.conversations[i];
    r.property.begin(`${this}: #${i} ${id}`);
    await r.api.call('deleteConversation', { path: { conversation: id } });
    await judgeGone(r, 'deleteConversation', 'getConversation', 'conversation', id);
    r.property.settle();
    m.conversations[i] = { ...m.conversations[i], deleted: true };
  }

  toString(): string {
    return `deleteConversation(POST /conversations/{#${this.position}}/delete)`;
  }
}

/** Generated conversation delete commands. */
export function deleteConversation(): fc.Arbitrary<PiecesCommand> {
  return fc.nat().map((p) => new DeleteConversationCommand(p));
}
