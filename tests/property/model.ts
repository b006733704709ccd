/**
 * The model of the stateful property: a simplification of Pieces OS, never a copy of it. Assets
 * are positions holding what the run gave them (a name, the unique token in their content) and
 * whether they were deleted; conversations are a name, the messages seeded into them and whether
 * they were deleted; local
 * models are two flags. Ids, timestamps, formats, rendering and search ranking are not modelled:
 * the real side keeps the target's ids by position, and commands address resources by position
 * modulo the count, so a sequence stays meaningful while it shrinks.
 */
import type fc from 'fast-check';
import type { ApiClient, Contract, OperationId } from '../../src/client/index.js';
import type { MessageFacts } from '../../src/checks/index.js';
import type { PropertyHarness } from './support/harness.js';
import type { Judge } from '../fixtures/index.js';
import type { TimeBudgets } from '../../src/settings/index.js';

/** What the model knows of one asset the run created. */
export interface AssetView {
  name: string;
  /** The unique token its content holds (searching it must find the asset while it lives). */
  token: string;
  renamed: boolean;
  deleted: boolean;
}

/** What the model knows of one conversation the run created. */
export interface ConversationView {
  name: string;
  messages: MessageFacts[];
  deleted: boolean;
}

/** What the model knows of one local model: the lifecycle flags. */
export interface ModelView {
  downloaded: boolean;
  loaded: boolean;
}

/** The model: positions, never ids. */
export interface PiecesModel {
  assets: AssetView[];
  conversations: ConversationView[];
  models: ModelView[];
}

/** The real side: the recorded client, the property, and the target's ids by position. */
export interface PiecesReal {
  api: ApiClient;
  /** The case and step verdicts (begin, settle). */
  property: PropertyHarness;
  /** The suites' one judge: scenario checks on the facts a command gathered (held for its step). */
  judge: Judge;
  /** The test's nonce: every name the run gives carries it (with the fixtures' marker). */
  nonce: string;
  /** Asset ids by position, with the last Asset the target answered for each (updates send it back). */
  assets: Array<{ id: string; asset: Contract.Asset }>;
  conversations: string[];
  /** Local model ids by position. */
  models: string[];
  /** How long a download may take before the model must report it finished. */
  downloadWaitMs: number;
  /** The run's time budgets (the consistency budget bounds "created, so found" and "deleted, so gone"). */
  budgets: TimeBudgets;
}

/** A command of the stateful property. */
export type PiecesCommand = fc.AsyncCommand<PiecesModel, PiecesReal>;

/** The index `position` addresses in a list of `count` (modulo the count). */
export function slot(position: number, count: number): number {
  return position % count;
}

/** Positions of the assets still alive. */
export function liveAssets(m: Readonly<PiecesModel>): number[] {
  return m.assets.flatMap((a, i) => (a.deleted ? [] : [i]));
}

/** The positions of the conversations that were not deleted. */
export function liveConversations(m: Readonly<PiecesModel>): number[] {
  return m.conversations.flatMap((c, i) => (c.deleted ? [] : [i]));
}

/**
 * Reads a deleted resource back through `via` (neutral: the check judges the status) and judges
 * use after delete, blaming the delete.
 */
export async function judgeGone(
  r: PiecesReal,
  deletedBy: 'deleteAsset' | 'deleteConversation',
  via: OperationId,
  param: string,
  id: string,
  note = 'read after delete',
): Promise<void> {
  const read = await r.api.callLoose(via, { path: { [param]: id }, intent: 'neutral', note });
  r.judge('use_after_delete', { operation: deletedBy, via, id, deletedBy, read: read.exchange });
}

/** The 2xx JSON object a step needs to go on; without it the step settles (its checks explain why) or stops. */
export function need<T>(r: PiecesReal, data: T | undefined, what: string): T {
  if (data !== undefined && data !== null && typeof data === 'object') return data;
  r.property.settle();
  throw new Error(`${what}: the target answered nothing to go on with`);
}

/** The `iterable` of a 2xx listing, when the answer is one (a text/plain answer is not). */
export function iterable<T>(data: { iterable?: T[] } | string | undefined): T[] | undefined {
  return typeof data === 'object' && data !== null && Array.isArray(data.iterable) ? data.iterable : undefined;
}

/** A short, printable excerpt of a generated string (counterexamples stay readable). */
export function excerpt(s: string, max = 24): string {
  return JSON.stringify(s.length > max ? `${s.slice(0, max)}…` : s);
}
