/**
 * The assets table, its FTS5 index and its formats rows, always written together in one
 * transaction (no partial write survives a failure or a crash).
 */
import type { Statement } from 'better-sqlite3';
import { payloadText, renderAsset, type AssetRecord } from '../shapes/asset.js';
import type { DB } from './db.js';

/** A pseudo asset (seeded with `asset.pseudo: true`) is listed only when a snapshot asks for them. */
const NOT_PSEUDO = "coalesce(json_extract(record, '$.pseudo'), 0) = 0";

/** Reads and writes assets (with their single format and their search index entry). */
export class AssetStore {
  private readonly q: Record<string, Statement>;
  private readonly writeTx: (r: AssetRecord, replace: boolean, indexedName?: string) => void;
  private readonly deleteTx: (id: string, keepFormat: boolean) => boolean;
  // The snapshot body per transferables and pseudo flag, dropped on every write: reads of an
  // unchanged store (the common case) cost one string, not a 100-row query and a join.
  private readonly snapshots = new Map<string, string>();

  /** Prepares every statement once. */
  constructor(db: DB) {
    this.q = {
      insert: db.prepare('INSERT INTO assets (id, record, doc, doc_lite) VALUES (?, ?, ?, ?)'),
      update: db.prepare('UPDATE assets SET record = ?, doc = ?, doc_lite = ? WHERE id = ?'),
      seqOf: db.prepare('SELECT seq FROM assets WHERE id = ?').pluck(),
      ftsInsert: db.prepare('INSERT INTO assets_fts (rowid, name, content) VALUES (?, ?, ?)'),
      ftsDelete: db.prepare('DELETE FROM assets_fts WHERE rowid = ?'),
      fmtUpsert: db.prepare(`INSERT INTO formats (id, asset_id, doc, doc_lite) VALUES (?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET doc = excluded.doc, doc_lite = excluded.doc_lite`),
      fmtDelete: db.prepare('DELETE FROM formats WHERE asset_id = ?'),
      del: db.prepare('DELETE FROM assets WHERE id = ?'),
      doc: db.prepare('SELECT doc FROM assets WHERE id = ?').pluck(),
      docLite: db.prepare('SELECT doc_lite FROM assets WHERE id = ?').pluck(),
      record: db.prepare('SELECT record FROM assets WHERE id = ?').pluck(),
      all: db.prepare('SELECT doc FROM assets ORDER BY seq').pluck(),
      allLite: db.prepare('SELECT doc_lite FROM assets ORDER BY seq').pluck(),
      saved: db.prepare(`SELECT doc FROM assets WHERE ${NOT_PSEUDO} ORDER BY seq`).pluck(),
      savedLite: db.prepare(`SELECT doc_lite FROM assets WHERE ${NOT_PSEUDO} ORDER BY seq`).pluck(),
      count: db.prepare('SELECT count(*) FROM assets').pluck(),
      named: db.prepare("SELECT id FROM assets WHERE json_extract(record, '$.name') = ? ORDER BY seq").pluck(),
    };
    this.writeTx = db.transaction((r: AssetRecord, replace: boolean, indexedName?: string) => {
      const docs = renderAsset(r);
      const record = JSON.stringify(r);
      let seq: number | bigint;
      if (replace) {
        this.q.update.run(record, docs.asset, docs.assetLite, r.id);
        seq = this.q.seqOf.get(r.id) as number;
        this.q.ftsDelete.run(seq);
      } else {
        seq = this.q.insert.run(r.id, record, docs.asset, docs.assetLite).lastInsertRowid;
      }
      this.q.ftsInsert.run(seq, indexedName ?? r.name ?? '', payloadText(r.payload));
      this.q.fmtUpsert.run(r.formatId, r.id, docs.format, docs.formatLite);
    });
    this.deleteTx = db.transaction((id: string, keepFormat: boolean) => {
      const seq = this.q.seqOf.get(id) as number | undefined;
      if (seq === undefined) return false;
      this.q.ftsDelete.run(seq);
      if (!keepFormat) this.q.fmtDelete.run(id);
      this.q.del.run(id);
      return true;
    });
  }

  /** Stores a new asset. */
  insert(r: AssetRecord): void {
    this.snapshots.clear();
    this.writeTx(r, false);
  }

  /** Replaces a stored asset (same id); `indexedName` (a fault's) is the name search keeps seeing. */
  replace(r: AssetRecord, indexedName?: string): void {
    this.snapshots.clear();
    this.writeTx(r, true, indexedName);
  }

  /** Deletes an asset, its format and its index entry; false when it did not exist. */
  delete(id: string, keepFormat = false): boolean {
    this.snapshots.clear();
    return this.deleteTx(id, keepFormat);
  }

  /** The Assets body (`{"iterable":[...]}`) of the listed assets (pseudo ones only with `pseudo`) in creation order. */
  snapshotJson(transferables: boolean, pseudo: boolean): string {
    const key = `${transferables}/${pseudo}`;
    let body = this.snapshots.get(key);
    if (body === undefined) {
      body = `{"iterable":[${this.listedJson(transferables, pseudo).join(',')}]}`;
      this.snapshots.set(key, body);
    }
    return body;
  }

  /** The Asset JSON a snapshot lists, in creation order: pseudo assets only with `pseudo`. */
  listedJson(transferables: boolean, pseudo: boolean): string[] {
    if (pseudo) return this.allJson(transferables);
    return (transferables ? this.q.saved : this.q.savedLite).all() as string[];
  }

  /** The Asset JSON, with or without transferables; undefined when unknown. */
  json(id: string, transferables: boolean): string | undefined {
    return (transferables ? this.q.doc : this.q.docLite).get(id) as string | undefined;
  }

  /** The stored record of an asset. */
  record(id: string): AssetRecord | undefined {
    const text = this.q.record.get(id) as string | undefined;
    return text === undefined ? undefined : JSON.parse(text);
  }

  /** Every Asset JSON in creation order. */
  allJson(transferables: boolean): string[] {
    return (transferables ? this.q.all : this.q.allLite).all() as string[];
  }

  /** The ids of the assets called `name`, in creation order. */
  idsNamed(name: string): string[] {
    return this.q.named.all(name) as string[];
  }

  /** How many assets are stored. */
  count(): number {
    return this.q.count.get() as number;
  }
}
