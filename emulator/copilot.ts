/**
 * The Copilot engine behind /qgpt/*: relevance by FTS5 bm25 over the saved assets (and over seeds
 * sent with the request), and deterministic answers built from the relevant snippets and the
 * query. The same input always gives the same text, on REST and on the stream alike, so that a
 * streamed answer can be compared with its REST twin.
 */
import type { AssetRecord } from './shapes/asset.js';
import { payloadText } from './shapes/asset.js';
import { languageName } from './shapes/seed.js';
import type { Store } from './store/index.js';
import { HttpError } from './http.js';
import { contentTokens } from './store/ftsQuery.js';
import type { Ctx } from './context.js';
import { sleep, varyAnswer } from './profile.js';

/** A relevant seed as the relevance answer carries it (RelevantQGPTSeed, with its score). */
export interface RelevantItem {
  id: string;
  asset?: { id: string };
  seed: Record<string, unknown>;
  score: number;
}

/** A snippet an answer is grounded in. */
export interface Snippet {
  name: string;
  text: string;
  language: string;
}

const MAX_RELEVANT = 8;

function seedOf(r: AssetRecord): Record<string, unknown> {
  return {
    type: 'SEEDED_ASSET',
    asset: {
      application: r.application,
      // The ext travels with the seed so that an answer grounded in it names the right language.
      format: { [r.kind]: { ...r.payload, metadata: { ext: r.classification.specific } } },
      ...(r.name !== undefined ? { metadata: { name: r.name } } : {}),
    },
  };
}

/**
 * The assets (and request seeds) most relevant to a query, most relevant first, scores in [0,1].
 * `indexed` says whether the search index holds an asset yet (the realistic profile's lag).
 */
export function relevance(store: Store, input: any, indexed: (id: string) => boolean = () => true): RelevantItem[] {
  const query = String(input.query ?? '');
  const items: RelevantItem[] = [];
  if (input.options?.database !== false) {
    const ids = Array.isArray(input.assets?.iterable)
      ? input.assets.iterable.map((a: any) => String(a?.id ?? ''))
      : undefined;
    const rows = store.search.relevant(query, MAX_RELEVANT, ids).filter((row) => indexed(row.id));
    // bm25() is negative, lower is better: the best row's magnitude is the scale (score 1).
    const best = rows.length ? -rows[0].rank : 0;
    for (const row of rows) {
      const record: AssetRecord = JSON.parse(row.record);
      const score = best > 0 ? Math.min(1, Math.max(0, -row.rank / best)) : 1;
      items.push({ id: row.id, asset: { id: row.id }, seed: seedOf(record), score: round(score) });
    }
  }
  const seeds = Array.isArray(input.seeds?.iterable) ? input.seeds.iterable : [];
  seeds.forEach((seed: any, i: number) => {
    const text = snippetFromSeed(seed)?.text ?? '';
    const overlap = overlapScore(query, text);
    if (overlap > 0) items.push({ id: `seed-${i}`, seed, score: overlap });
  });
  return items.sort((a, b) => b.score - a.score).slice(0, MAX_RELEVANT);
}

// Request seeds are not in the index; they are ranked by the share of query tokens they contain.
function overlapScore(query: string, text: string): number {
  const toks = contentTokens(query).map((t) => t.toLowerCase());
  if (toks.length === 0) return 0;
  const hay = text.toLowerCase();
  return round(toks.filter((t) => hay.includes(t)).length / toks.length);
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

function snippetFromSeed(seed: any): Snippet | undefined {
  const fmt = seed?.asset?.format;
  const src = fmt?.fragment ?? fmt?.file;
  const text = src ? payloadText(src) : '';
  if (!src) return undefined;
  const ext = src.metadata?.ext ?? 'txt';
  return { name: seed?.asset?.metadata?.name ?? 'Seeded snippet', text, language: languageName(ext) };
}

/** The snippets of relevance results (what a relevance call with options.question answers from). */
export function snippetsOf(items: RelevantItem[]): Snippet[] {
  return items.map((i) => snippetFromSeed(i.seed)).filter((s): s is Snippet => s !== undefined);
}

/** The snippets behind a question's relevant seeds; a seed that names nothing usable is a 400. */
export function resolveSnippets(store: Store, relevant: any): Snippet[] {
  const out: Snippet[] = [];
  const list: any[] = Array.isArray(relevant?.iterable) ? relevant.iterable : [];
  list.forEach((item, i) => {
    const fromSeed = item?.seed ? snippetFromSeed(item.seed) : undefined;
    if (fromSeed) {
      out.push(fromSeed);
      return;
    }
    const id = item?.asset?.id ?? item?.id;
    if (typeof id !== 'string') {
      throw new HttpError(
        400,
        `Invalid request body: field 'relevant.iterable.${i}' needs an id, an asset or a seed with a fragment`,
      );
    }
    const r = store.assets.record(id);
    // An id that no longer names an asset grounds nothing (the asset may have been deleted since).
    if (r)
      out.push({
        name: r.name ?? 'Untitled',
        text: payloadText(r.payload),
        language: languageName(r.classification.specific),
      });
  });
  return out;
}

function firstLine(text: string): string {
  const line =
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? '';
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

/** The deterministic answer text for a query grounded in snippets. */
export function answerText(query: string, snippets: Snippet[]): string {
  const lines = [`You asked: "${query}"`, ''];
  if (snippets.length === 0) {
    lines.push(
      'No saved snippets matched this question, so this answer is not grounded in your materials.',
      'Save related code to Pieces and ask again for a grounded answer.',
    );
    return lines.join('\n');
  }
  lines.push(`Based on ${snippets.length} saved snippet${snippets.length > 1 ? 's' : ''}:`);
  snippets.forEach((s, i) => lines.push(`${i + 1}. ${s.name} (${s.language}): ${firstLine(s.text)}`));
  const top = snippets[0];
  const count = top.text.split('\n').length;
  lines.push(
    '',
    `The most relevant snippet is "${top.name}", ${count} line${count > 1 ? 's' : ''} of ${top.language}.`,
  );
  return lines.join('\n');
}

/** The answer this emulator gives: the deterministic text, varied per answer under the realistic profile. */
export function answerFor(ctx: Pick<Ctx, 'options'>, query: string, snippets: Snippet[]): string {
  const text = answerText(query, snippets);
  return ctx.options.variedAnswers ? varyAnswer(text) : text;
}

/** The answer's confidence in [0,1]: grows with the number of grounding snippets. */
export function answerScore(snippets: Snippet[]): number {
  return snippets.length === 0 ? 0.1 : Math.min(0.95, 0.5 + 0.1 * snippets.length);
}

/**
 * A QGPTQuestionOutput for a query and its snippets, after the time the simulated LLM takes to
 * generate it (none under the instant profile).
 */
export async function questionOutput(ctx: Pick<Ctx, 'options' | 'pace'>, query: string, snippets: Snippet[]) {
  const text = answerFor(ctx, query, snippets);
  await sleep(ctx.pace.restAnswerMs(chunks(text).length));
  return { answers: { iterable: [{ text, score: answerScore(snippets) }] } };
}

/** The query rewritten as a standalone question, given the conversation so far. */
export function repromptQuery(query: string, conversation: any): string {
  const messages: any[] = Array.isArray(conversation?.iterable) ? conversation.iterable : [];
  const previous =
    [...messages].reverse().find((m) => m?.role === 'USER' && typeof m.text === 'string' && m.text.trim()) ??
    [...messages].reverse().find((m) => typeof m?.text === 'string' && m.text.trim());
  if (!previous) return query;
  const topic = previous.text.trim().replace(/\s+/g, ' ');
  return `${query.trim()} (in the context of: "${topic.length > 120 ? `${topic.slice(0, 117)}...` : topic}")`;
}

/** Splits an answer into stream chunks (words with their trailing whitespace); they concatenate back. */
export function chunks(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}
