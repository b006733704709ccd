/**
 * The SQLite database: opened in WAL mode in a data directory that survives restarts, or in
 * memory. The schema is created idempotently; `user_version` records its version.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** A better-sqlite3 database handle. */
export type DB = Database.Database;

const SCHEMA_VERSION = 1;

const DDL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS assets (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  record TEXT NOT NULL,
  doc TEXT NOT NULL,
  doc_lite TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS assets_fts USING fts5(name, content, tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS formats (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  asset_id TEXT NOT NULL,
  doc TEXT NOT NULL,
  doc_lite TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS formats_asset ON formats(asset_id);
CREATE TABLE IF NOT EXISTS conversations (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS messages (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  conversation_id TEXT NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_conversation ON messages(conversation_id, seq);
CREATE TABLE IF NOT EXISTS models (
  id TEXT PRIMARY KEY,
  downloaded INTEGER NOT NULL,
  loaded INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS applications (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  opened TEXT NOT NULL,
  closed TEXT
);
`;

/** Opens (and creates if needed) the database in `dataDir`, or in memory when it is undefined. */
export function openDatabase(dataDir?: string): DB {
  let db: DB;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(join(dataDir, 'pieces-os-emulator.sqlite'));
    // WAL: readers never block the writer. synchronous=NORMAL keeps every committed transaction
    // across a process crash (kill -9): the WAL frames are in the OS before COMMIT returns; only a
    // power loss could drop the last transactions.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Reads go through a memory map and a larger page cache instead of a read() per page.
    db.pragma('mmap_size = 268435456');
    db.pragma('cache_size = -65536');
  } else {
    db = new Database(':memory:');
  }
  db.pragma('busy_timeout = 5000');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new Error(`The data directory was written by a newer emulator (schema ${version} > ${SCHEMA_VERSION})`);
  }
  db.exec(DDL);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
  return db;
}

/** Reads a meta value, creating it with `make()` the first time (stable ids across restarts). */
export function metaValue(db: DB, key: string, make: () => string): string {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  if (row) return row.value;
  const value = make();
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(key, value);
  return value;
}
