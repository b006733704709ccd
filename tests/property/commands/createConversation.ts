/** createConversation: a generated seeded conversation (marked name, seeded messages). */
import type fc from 'fast-check';
import type { Contract } from '../../../src/client/index.js';
import { validSeededConversation, type OpenApiDocument } from '../../../src/fuzz/index.js';
import { excerpt, need, type PiecesCommand, type PiecesModel, type PiecesReal } from '../model.js';
import { marked } from '../support/data.js';
import { application } from '../../fixtures/data.js';

/** POST /conversations/create with a generated SeededConversation. */
export class CreateConversationCommand implements PiecesCommand {
  constructor(readonly seeded: Record<string, any>) {}

  check(): boolean {
    return true;
  }

  async run(m: PiecesModel, r: PiecesReal): Promise<void> {
    r.property.begin(this.toString());
    // Conversations cannot be deleted: the name always carries the marker.
    const name = marked(r.nonce, typeof this.seeded.name === 'string' ? this.seeded.name : '');
    // A generated application is made up: a real client names its own.
    const body = {
      ...this.seeded,
      name,
      ...(this.seeded.application ? { application: application() } : {}),
    } as Contract.SeededConversation;
    const created = need(r, (await r.api.call('createConversation', { body })).data, 'createConversation');
    r.judge('references_consistent', {
      operation: 'createConversation',
      id: created.id,
      field: 'name',
      source: 'the seeded conversation',
      expected: name,
      actual: created.name,
    });
    r.property.settle();
    const messages = (this.seeded.messages ?? []).map((msg: any) => ({
      role: msg.role,
      text: msg.fragment?.string?.raw,
    }));
    m.conversations.push({ name, messages, deleted: false });
    r.conversations.push(created.id);
  }

  toString(): string {
    const n = (this.seeded.messages ?? []).length;
    return `createConversation(POST /conversations/create name=${excerpt(String(this.seeded.name ?? ''))} messages=${n})`;
  }
}

/** Generated createConversation commands. */
export function createConversation(spec: OpenApiDocument): fc.Arbitrary<PiecesCommand> {
  return validSeededConversation({ spec }).map((seeded) => new CreateConversationCommand(seeded));
}
