/**
 * The one way to read the answers whose envelope the contracts disagree on (spec/deviations.yaml):
 * POST /assets/search, POST /qgpt/relevance and GET /user. Each accessor accepts every shape a
 * contract of this project defines (the refined contract's, which is the real API's, and the
 * seed's), so no reader depends on which envelope a contract chose. Anything else answers
 * undefined; the schema checks, not these accessors, judge the shape.
 */
import type { QGPTQuestionOutput, RelevantQGPTSeed, SearchedAsset, UserProfile } from './generated/contract.js';

const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The searched assets of a search answer: `{results: SearchedAssets}` (real API) or a bare SearchedAssets (seed). */
export function searchResultsOf(
  body: unknown,
): { iterable: SearchedAsset[]; suggested?: number; exact?: number } | undefined {
  if (!isObject(body)) return undefined;
  const inner = isObject(body.results) ? body.results : body;
  return Array.isArray(inner.iterable) ? (inner as any) : undefined;
}

/** Ids of the assets a search answered, in answered order (an entry without one gives ''). */
export function searchIdsOf(body: unknown): string[] {
  return (searchResultsOf(body)?.iterable ?? []).map((i: any) => String(i?.identifier ?? i?.asset?.id ?? ''));
}

/** The relevant seeds of a relevance answer: `{relevant: {iterable}}` (real API) or `{iterable}` (seed). */
export function relevantOf(body: unknown): { iterable: RelevantQGPTSeed[] } | undefined {
  if (!isObject(body)) return undefined;
  const inner = isObject(body.relevant) ? body.relevant : body;
  return Array.isArray(inner.iterable) ? { iterable: inner.iterable } : undefined;
}

/** Ids (asset id, else seed id) and scores (NaN where none) of a relevance answer, in answered order. */
export function rankedOf(body: unknown): { ids: string[]; scores: number[] } {
  const items: any[] = relevantOf(body)?.iterable ?? [];
  return { ids: items.map((i) => String(i?.asset?.id ?? i?.id ?? '')), scores: items.map((i) => Number(i?.score)) };
}

/** The answer a relevance call with `options.question: true` carries, if any. */
export function relevanceAnswerOf(body: unknown): QGPTQuestionOutput | undefined {
  return isObject(body) && isObject(body.answer) ? (body.answer as QGPTQuestionOutput) : undefined;
}

/**
 * The signed-in user's profile of a user answer: `{user?: UserProfile}` (real API) or the profile
 * itself (seed); undefined when nobody is signed in (`{}`, or `user` absent or null).
 */
export function userOf(body: unknown): UserProfile | undefined {
  if (!isObject(body)) return undefined;
  if ('user' in body) return isObject(body.user) ? (body.user as UserProfile) : undefined;
  return typeof body.id === 'string' ? (body as UserProfile) : undefined;
}
