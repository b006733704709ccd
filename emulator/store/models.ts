/**
 * Model state (downloaded, loaded) over the fixed catalogue. `downloading` is not stored: a
 * download does not survive a restart, as an interrupted real download does not.
 */
import type { Statement } from 'better-sqlite3';
import { CATALOGUE, type CatalogueModel } from '../catalogue.js';
import type { DB } from './db.js';

/** The stored state of one model. */
export interface ModelState {
  downloaded: boolean;
  loaded: boolean;
}

/** Reads and writes model state. */
export class ModelStore {
  private readonly q: Record<string, Statement>;
  private readonly byId = new Map(CATALOGUE.map((m) => [m.id, m]));
  /** Counts state changes, so that rendered answers can be cached until the next one. */
  version = 0;

  /** Prepares statements and gives every catalogue model a state row. */
  constructor(db: DB) {
    this.q = {
      get: db.prepare('SELECT downloaded, loaded FROM models WHERE id = ?'),
      set: db.prepare('UPDATE models SET downloaded = ?, loaded = ? WHERE id = ?'),
    };
    const seed = db.prepare('INSERT OR IGNORE INTO models (id, downloaded, loaded) VALUES (?, ?, 0)');
    db.transaction(() => {
      for (const m of CATALOGUE) seed.run(m.id, m.preinstalled ? 1 : 0);
    })();
  }

  /** The catalogue entry of a model id. */
  entry(id: string): CatalogueModel | undefined {
    return this.byId.get(id);
  }

  /** Every catalogue entry in order. */
  entries(): readonly CatalogueModel[] {
    return CATALOGUE;
  }

  /** The stored state of a model. */
  state(id: string): ModelState {
    const row = this.q.get.get(id) as { downloaded: number; loaded: number } | undefined;
    return { downloaded: row?.downloaded === 1, loaded: row?.loaded === 1 };
  }

  /** Stores a model's state. */
  setState(id: string, s: ModelState): void {
    this.q.set.run(s.downloaded ? 1 : 0, s.loaded ? 1 : 0, id);
    this.version++;
  }
}
