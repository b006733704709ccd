/** The applications and sessions tables. */
import type { Statement } from 'better-sqlite3';
import type { DB } from './db.js';

/** A stored session. */
export interface SessionRecord {
  id: string;
  opened: string;
  closed?: string;
}

/** Reads and writes registered applications and their sessions. */
export class ApplicationStore {
  private readonly q: Record<string, Statement>;

  /** Prepares every statement once. */
  constructor(db: DB) {
    this.q = {
      upsert: db.prepare(`INSERT INTO applications (id, record) VALUES (?, ?)
        ON CONFLICT(id) DO UPDATE SET record = excluded.record`),
      get: db.prepare('SELECT record FROM applications WHERE id = ?').pluck(),
      all: db.prepare('SELECT record FROM applications ORDER BY seq').pluck(),
      open: db.prepare('INSERT INTO sessions (id, opened) VALUES (?, ?)'),
      session: db.prepare('SELECT id, opened, closed FROM sessions WHERE id = ?'),
      close: db.prepare('UPDATE sessions SET closed = ? WHERE id = ?'),
    };
  }

  /** Stores (or replaces) an application by its id. */
  put(app: Record<string, unknown> & { id: string }): void {
    this.q.upsert.run(app.id, JSON.stringify(app));
  }

  /** One application; undefined when unknown. */
  get(id: string): Record<string, unknown> | undefined {
    const text = this.q.get.get(id) as string | undefined;
    return text === undefined ? undefined : JSON.parse(text);
  }

  /** Every application in registration order. */
  all(): Array<Record<string, unknown>> {
    return (this.q.all.all() as string[]).map((t) => JSON.parse(t));
  }

  /** Stores a new open session. */
  openSession(s: SessionRecord): void {
    this.q.open.run(s.id, s.opened);
  }

  /** One session; undefined when unknown. */
  session(id: string): SessionRecord | undefined {
    const row = this.q.session.get(id) as { id: string; opened: string; closed: string | null } | undefined;
    return row ? { id: row.id, opened: row.opened, ...(row.closed ? { closed: row.closed } : {}) } : undefined;
  }

  /** Marks a session closed. */
  closeSession(id: string, closed: string): void {
    this.q.close.run(closed, id);
  }
}
