/**
 * Search and relevance over assets with FTS5 and its bm25() ranking (name weighted above content).
 * A substring scan backs FTS5 up for text its tokenizer drops (emoji, punctuation-only queries).
 */
import type { Statement } from 'better-sqlite3';
import type { DB } from './db.js';
import { contentTokens, ftsQuery, likePattern, tokens } from './ftsQuery.js';

/** One matching asset: its JSON, its searchable text and its bm25 rank (lower is better). */
export interface Hit {
  id: string;
  doc: string;
  name: string;
  content: string;
  rank: number;
}

/** Options of an asset search. */
export interface SearchOptions {
  transferables: boolean;
  limit: number;
  namesOnly?: boolean;
  rawQuery?: boolean;
}

const COLS = (doc: string) => `a.id AS id, a.${doc} AS doc, assets_fts.name AS name, assets_fts.content AS content`;
const FROM = 'FROM assets_fts JOIN assets a ON a.seq = assets_fts.rowid';

/** Runs the FTS5 queries behind /assets/search and /qgpt/relevance. */
export class SearchIndex {
  private readonly q: Record<string, Statement>;

  /** Prepares every statement once. */
  constructor(db: DB) {
    // Rank inside FTS5 first, then read the (large) asset rows of the top hits only.
    const ranked = (doc: string, extra = '') =>
      db.prepare(`SELECT a.id AS id, a.${doc} AS doc, f.name AS name, f.content AS content, f.rank AS rank
        FROM (SELECT rowid, name, content, bm25(assets_fts, 4.0, 1.0) AS rank FROM assets_fts
              WHERE assets_fts MATCH ? ORDER BY rank LIMIT ?) f
        JOIN assets a ON a.seq = f.rowid ${extra} ORDER BY f.rank`);
    const scan = (doc: string) =>
      db.prepare(`SELECT ${COLS(doc)}, 0 AS rank ${FROM}
        WHERE assets_fts.content LIKE ? ESCAPE '\\' OR assets_fts.name LIKE ? ESCAPE '\\' ORDER BY a.seq LIMIT ?`);
    this.q = {
      match: ranked('doc'),
      matchLite: ranked('doc_lite'),
      scan: scan('doc'),
      scanLite: scan('doc_lite'),
      relevant: ranked('record'),
      relevantIn: db.prepare(`SELECT a.id AS id, a.record AS doc, bm25(assets_fts, 4.0, 1.0) AS rank ${FROM}
        WHERE assets_fts MATCH ? AND a.id IN (SELECT value FROM json_each(?)) ORDER BY rank LIMIT ?`),
    };
  }

  /** Assets matching every token of the query (then any token; a symbols-only query: the literal text). */
  search(query: string, opts: SearchOptions): Hit[] {
    const lite = !opts.transferables;
    const match = lite ? this.q.matchLite : this.q.match;
    if (opts.rawQuery) return match.all(query, opts.limit) as Hit[];
    const toks = tokens(query);
    if (toks.length === 0) return [];
    const column = opts.namesOnly ? ('name' as const) : undefined;
    let hits = match.all(ftsQuery(toks, 'all', column), opts.limit) as Hit[];
    if (hits.length === 0 && toks.length > 1) hits = match.all(ftsQuery(toks, 'any', column), opts.limit) as Hit[];
    // The literal scan reads every row (about 20 ms over 10,000 assets), so it only runs for
    // queries FTS5 cannot index at all: no letter or digit, e.g. emoji or punctuation only.
    if (hits.length === 0 && !opts.namesOnly && !/[\p{L}\p{N}]/u.test(query)) {
      const pattern = likePattern(query.trim());
      hits = (lite ? this.q.scanLite : this.q.scan).all(pattern, pattern, opts.limit) as Hit[];
    }
    return hits;
  }

  /** The stored records most relevant to a query (any content token), optionally among some ids. */
  relevant(query: string, limit: number, ids?: string[]): Array<{ id: string; record: string; rank: number }> {
    const toks = contentTokens(query);
    if (toks.length === 0) return [];
    const fts = ftsQuery(toks, 'any');
    const rows = ids ? this.q.relevantIn.all(fts, JSON.stringify(ids), limit) : this.q.relevant.all(fts, limit);
    return (rows as Hit[]).map((r) => ({ id: r.id, record: r.doc, rank: r.rank }));
  }
}
