/** getConversationsSnapshot: every live conversation the run created is listed, under the name it was given; no deleted one is. */
import fc from 'fast-check';
import { iterable, type PiecesCommand, type PiecesModel, type PiecesReal } from '../model.js';

/** GET /conversations, compared with the model's positions. */
export class ListConversationsCommand implements PiecesCommand {
  check(m: Readonly<PiecesModel>): boolean {
    return m.conversations.length > 0;
  }

  async run(m: PiecesModel, r: PiecesReal): Promise<void> {
    r.property.begin(this.toString());
    const res = await r.api.call('getConversationsSnapshot', { query: { transferables: false } });
    const items = iterable(res.data);
    if (items) {
      const names = new Map(items.map((c) => [c.id, c.name]));
      m.conversations.forEach((view, i) => {
        const id = r.conversations[i];
        if (view.deleted) {
          r.judge('use_after_delete', {
            operation: 'getConversationsSnapshot',
            via: 'getConversationsSnapshot',
            id,
            deletedBy: 'deleteConversation',
            listed: names.has(id),
          });
          return;
        }
        r.judge('ensure_resource_availability', {
          operation: 'getConversationsSnapshot',
          id,
          createdBy: 'createConversation',
          listed: names.has(id),
        });
        if (names.has(id))
          r.judge('references_consistent', {
            operation: 'getConversationsSnapshot',
            id,
            field: 'name',
            source: 'createConversation',
            expected: view.name,
            actual: names.get(id),
          });
      });
    }
    r.property.settle();
  }

  toString(): string {
    return 'getConversationsSnapshot(GET /conversations)';
  }
}

/** The conversations snapshot command (it takes no generated value). */
export function listConversations(): fc.Arbitrary<PiecesCommand> {
  return fc.constant(new ListConversationsCommand());
}
