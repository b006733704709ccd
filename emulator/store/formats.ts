/** Read access to the formats table (written together with its asset by AssetStore). */
import type { Statement } from 'better-sqlite3';
import type { DB } from './db.js';

/** Reads formats as ready JSON texts. */
export class FormatStore {
  private readonly q: Record<string, Statement>;
  /** Prepares every statement once. */
  constructor(db: DB) {
    this.q = {
      doc: db.prepare('SELECT doc FROM formats WHERE id = ?').pluck(),
      docLite: db.prepare('SELECT doc_lite FROM formats WHERE id = ?').pluck(),
      all: db.prepare('SELECT doc FROM formats ORDER BY seq').pluck(),
      allLite: db.prepare('SELECT doc_lite FROM formats ORDER BY seq').pluck(),
    };
  }
  /** The Format JSON; undefined when unknown. */
  json(id: string, transferable: boolean): string | undefined {
    return (transferable ? this.q.doc : this.q.docLite).get(id) as string | undefined;
  }
  /** Every Format JSON in creation order. */
  allJson(transferable: boolean): string[] {
    return (transferable ? this.q.all : this.q.allLite).all() as string[];
  }
}
