/** The conversations and messages tables. */
import type { Statement } from 'better-sqlite3';
import type { ConversationRecord, MessageRecord } from '../shapes/conversation.js';
import type { DB } from './db.js';

/** Reads and writes conversations and their messages. */
export class ConversationStore {
  private readonly q: Record<string, Statement>;
  private readonly createTx: (c: ConversationRecord, ms: MessageRecord[]) => void;
  private readonly appendTx: (c: ConversationRecord, ms: MessageRecord[]) => void;
  private readonly deleteTx: (id: string) => boolean;

  /** Prepares every statement once. */
  constructor(db: DB) {
    this.q = {
      insert: db.prepare('INSERT INTO conversations (id, record) VALUES (?, ?)'),
      update: db.prepare('UPDATE conversations SET record = ? WHERE id = ?'),
      get: db.prepare('SELECT record FROM conversations WHERE id = ?').pluck(),
      all: db.prepare('SELECT record FROM conversations ORDER BY seq').pluck(),
      msgInsert: db.prepare('INSERT INTO messages (id, conversation_id, record) VALUES (?, ?, ?)'),
      msgs: db.prepare('SELECT record FROM messages WHERE conversation_id = ? ORDER BY seq').pluck(),
      delete: db.prepare('DELETE FROM conversations WHERE id = ?'),
      msgDelete: db.prepare('DELETE FROM messages WHERE conversation_id = ?'),
    };
    const addMessages = (ms: MessageRecord[]) => {
      for (const m of ms) this.q.msgInsert.run(m.id, m.conversation, JSON.stringify(m));
    };
    this.createTx = db.transaction((c: ConversationRecord, ms: MessageRecord[]) => {
      this.q.insert.run(c.id, JSON.stringify(c));
      addMessages(ms);
    });
    this.appendTx = db.transaction((c: ConversationRecord, ms: MessageRecord[]) => {
      this.q.update.run(JSON.stringify(c), c.id);
      addMessages(ms);
    });
    this.deleteTx = db.transaction((id: string) => {
      if (this.q.delete.run(id).changes === 0) return false;
      this.q.msgDelete.run(id);
      return true;
    });
  }

  /** Stores a new conversation with its seeded messages. */
  create(c: ConversationRecord, messages: MessageRecord[] = []): void {
    this.createTx(c, messages);
  }

  /** Appends messages and stores the conversation's new state (its `updated`). */
  append(c: ConversationRecord, messages: MessageRecord[]): void {
    this.appendTx(c, messages);
  }

  /** Deletes a conversation and its messages in one transaction; false when it is unknown. */
  delete(id: string): boolean {
    return this.deleteTx(id);
  }

  /** A conversation record; undefined when unknown. */
  get(id: string): ConversationRecord | undefined {
    const text = this.q.get.get(id) as string | undefined;
    return text === undefined ? undefined : JSON.parse(text);
  }

  /** Every conversation in creation order. */
  all(): ConversationRecord[] {
    return (this.q.all.all() as string[]).map((t) => JSON.parse(t));
  }

  /** The messages of a conversation in order. */
  messages(id: string): MessageRecord[] {
    return (this.q.msgs.all(id) as string[]).map((t) => JSON.parse(t));
  }
}
