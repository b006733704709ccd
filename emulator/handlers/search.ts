/**
 * POST /assets/search (Assets tag, kept apart for size). The answer is the real envelope
 * {results: SearchedAssets}, each entry carrying its asset. With the `seedEnvelopes` option the
 * body also carries the seed's bare SearchedAssets (the same matches in the same order, without
 * the assets), a superset no real Pieces OS answers.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { flag, type Ctx, type HttpHandler } from '../context.js';
import { sendJsonText } from '../http.js';
import type { Hit } from '../store/search.js';
import { tokens } from '../store/ftsQuery.js';

const LIMIT = 100;

/** A deleted asset a stale index still answers (the search-keeps-deleted fault). */
export interface Ghost {
  id: string;
  doc: string;
  docLite: string;
  name: string;
  content: string;
}

/** The ghosts matching any token of a query, as hits (appended after the live ones). */
function ghostHits(ghosts: readonly Ghost[], toks: string[], transferables: boolean, have: Hit[]): Hit[] {
  const t = toks.map((x) => x.toLowerCase());
  return ghosts
    .filter((g) => !have.some((h) => h.id === g.id))
    .filter((g) => t.some((x) => `${g.name} ${g.content}`.toLowerCase().includes(x)))
    .map((g) => ({ id: g.id, doc: transferables ? g.doc : g.docLite, name: g.name, content: g.content, rank: 0 }));
}

interface Filter {
  classification?: string;
  tags?: string[];
}

/** Whether a hit passes the AND/OR combination of the request's filters. */
function passes(doc: string, filters: Filter[], type: 'AND' | 'OR'): boolean {
  if (filters.length === 0) return true;
  const asset = JSON.parse(doc);
  const specific = asset.original?.reference?.classification?.specific;
  const tags = new Set<string>((asset.tags?.iterable ?? []).map((t: any) => t.text));
  const one = (f: Filter) =>
    (f.classification === undefined || f.classification === specific) &&
    (f.tags === undefined || f.tags.every((t) => tags.has(t)));
  return type === 'OR' ? filters.some(one) : filters.every(one);
}

/** Where the query matched: the name, the content or both. */
function matchKind(hit: Hit, toks: string[], casing: boolean): { exact: boolean; match: string } {
  const norm = (s: string) => (casing ? s : s.toLowerCase());
  const name = norm(hit.name);
  const content = norm(hit.content);
  const t = toks.map(norm);
  const inName = t.some((x) => name.includes(x));
  const inContent = t.some((x) => content.includes(x));
  const phrase = norm(toks.join(' '));
  const exact = phrase.length > 0 && (name.includes(phrase) || content.includes(phrase));
  return { exact, match: inName && inContent ? 'MULTIPLE' : inName ? 'TITLE' : inContent ? 'CONTENT' : 'FUZZY' };
}

/** The searchAssets handler. */
export function searchHandler(ctx: Ctx, ghosts: readonly Ghost[] = []): HttpHandler {
  return (req: FastifyRequest, reply: FastifyReply) => {
    const body = (req.body ?? {}) as {
      query?: string;
      casing?: boolean;
      filters?: { iterable: Filter[]; type?: 'AND' | 'OR' };
    };
    const query = body.query ?? '';
    const casing = body.casing === true;
    const transferables = flag(req, 'transferables');
    const filters = body.filters?.iterable ?? [];
    const toks = tokens(query);
    let hits: Hit[];
    if (toks.length === 0 && filters.length > 0) {
      // Filters alone: every asset is a candidate.
      hits = ctx.store.assets
        .allJson(transferables)
        .map((doc) => ({ id: JSON.parse(doc).id, doc, name: '', content: '', rank: 0 }));
    } else {
      const raw = ctx.faults.has('search-5xx-on-quote') && query.includes('"');
      hits = ctx.store.search.search(query, {
        transferables,
        limit: LIMIT,
        rawQuery: raw,
        namesOnly: ctx.faults.has('search-misses-content'),
      });
    }
    hits = hits.filter((h) => ctx.index.visible(h.id)); // the realistic profile's index lag
    if (ghosts.length > 0 && toks.length > 0) hits = [...hits, ...ghostHits(ghosts, toks, transferables, hits)];
    if (casing) hits = hits.filter((h) => toks.every((t) => h.name.includes(t) || h.content.includes(t)));
    hits = hits.filter((h) => passes(h.doc, filters, body.filters?.type ?? 'AND'));
    // bm25() is negative, lower is better: scores are relative to the best hit, in [0,1].
    const best = hits.reduce((m, h) => Math.max(m, -h.rank), 0);
    let exactCount = 0;
    const heads = hits.map((h) => {
      const { exact, match } = matchKind(h, toks, casing);
      if (exact) exactCount++;
      const score = best > 0 ? Math.round((-h.rank / best) * 1e6) / 1e6 : 1;
      return `{"identifier":${JSON.stringify(h.id)},"exact":${exact},"score":${score},"match":"${match}"`;
    });
    if (ctx.faults.has('search-counts-all-exact')) exactCount = hits.length;
    const counts = `"suggested":${hits.length - exactCount},"exact":${exactCount}`;
    // The real envelope carries each asset (transferables honoured); the seed form, when asked
    // for, lists the matches only. Carrying the assets once keeps the superset half as large.
    const real = `"iterable":[${heads.map((h, i) => `${h},"asset":${hits[i].doc}}`).join(',')}],${counts}`;
    if (!ctx.options.seedEnvelopes) return sendJsonText(reply, `{"results":{${real}}}`);
    const seedForm = `"iterable":[${heads.map((h) => `${h}}`).join(',')}],${counts}`;
    return sendJsonText(reply, `{${seedForm},"results":{${real}}}`);
  };
}
