/**
 * What the properties send: generated values made safe for a live target (every name carries the
 * fixtures' marker and the test's nonce), and the content that carries a unique token.
 */
import { randomBytes } from 'node:crypto';
import { application, MARKER } from '../../fixtures/data.js';

/** A nonce for one test: every name it gives carries it (snapshots tell its data by it). */
export function testNonce(): string {
  return randomBytes(4).toString('hex');
}

/** A marked name: `pieces-conformance:property:<nonce>:<generated>`; the generated part is kept whole. */
export function marked(nonce: string, generated = ''): string {
  return `${MARKER}property:${nonce}:${generated}`;
}

/**
 * A copy of a generated Seed whose asset is named `name` (a seed may come without metadata) and
 * names the suite's application, as a real client's seed does (a generated one is made up).
 */
export function namedSeed<T extends Record<string, any>>(seed: T, name: string): T {
  const asset = seed.asset ?? {};
  return { ...seed, asset: { ...asset, application: application(), metadata: { ...(asset.metadata ?? {}), name } } };
}

/** The generated name of a seed, if it has one. */
export function seedName(seed: Record<string, any>): string {
  const name = seed.asset?.metadata?.name;
  return typeof name === 'string' ? name : '';
}

/** Content that holds `token` as a word of its own, between generated text before and after it. */
export function withToken(before: string, token: string, after = ''): string {
  return `${before}\n${token}\n${after}`;
}

/** The raw text of an asset's original format (what a seed's fragment.string.raw becomes). */
export function rawOf(asset: any): unknown {
  return asset?.original?.reference?.fragment?.string?.raw;
}

/** Ids of the assets a search answered, and ids and scores of a relevance answer (whichever envelope). */
export { searchIdsOf as searchIds, rankedOf as ranked } from '../../../src/client/envelopes.js';

/** A copy of a generated Seed whose fragment holds `raw` instead (metadata and classification kept). */
export function withRaw<T extends Record<string, any>>(seed: T, raw: string): T {
  const asset = seed.asset ?? {};
  const format = asset.format ?? {};
  const fragment = format.fragment ?? {};
  return {
    ...seed,
    asset: { ...asset, format: { ...format, fragment: { ...fragment, string: { ...(fragment.string ?? {}), raw } } } },
  };
}

/** The raw text a generated Seed carries. */
export function seedRaw(seed: Record<string, any>): string {
  return String(seed.asset?.format?.fragment?.string?.raw ?? '');
}

/** The answered object when it has a string id (a created asset, conversation...), else undefined. */
export function withId<T>(data: T | string | undefined): (T & { id: string }) | undefined {
  return typeof data === 'object' && data !== null && typeof (data as any).id === 'string'
    ? (data as T & { id: string })
    : undefined;
}
