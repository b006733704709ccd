import { attachNotes, collectNotes, type KnownNotes } from './notes.js';
import { defaultRegistry, type RuleRegistry } from './registry.js';
import {
  SEVERITIES,
  type Change,
  type ContractVersion,
  type Json,
  type PairChanges,
  type SeverityCounts,
} from './types.js';
import { viewOf } from './view.js';

/** Options of `compareVersions` / `compareAll`. */
export interface CompareOptions {
  /** Rules to run (default: the built-in registry). */
  registry?: RuleRegistry;
  /** Extra known-difference notes (compareAll passes those of every version). */
  notes?: KnownNotes;
}

/** Counts changes per severity. */
export function countChanges(changes: Change[]): SeverityCounts {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as SeverityCounts;
  for (const c of changes) counts[c.severity]++;
  return counts;
}

/** Runs every rule from `oldDoc` to `newDoc`; changes explained by an `x-pieces-upstream` note carry it in `known`. */
export function compareVersions(oldDoc: Json, newDoc: Json, options: CompareOptions = {}): Change[] {
  const [o, n] = [viewOf(oldDoc), viewOf(newDoc)];
  const notes = new Map(options.notes ?? []);
  collectNotes(newDoc, notes);
  collectNotes(oldDoc, notes);
  const changes = (options.registry ?? defaultRegistry()).all().flatMap((rule) => rule.check(o, n));
  return attachNotes(changes, notes);
}

/** The ordered pairs compareAll runs: each consecutive pair, then every version with the refined one (old -> refined). */
export function comparedPairs(versions: ContractVersion[]): Array<[ContractVersion, ContractVersion]> {
  const pairs: Array<[ContractVersion, ContractVersion]> = [];
  const seen = new Set<string>();
  const add = (a: ContractVersion, b: ContractVersion): void => {
    const k = `${a.id}->${b.id}`;
    if (a.id === b.id || seen.has(k)) return;
    seen.add(k);
    pairs.push([a, b]);
  };
  for (let i = 1; i < versions.length; i++) add(versions[i - 1], versions[i]);
  const refined = versions.find((v) => v.refined);
  if (refined) for (const v of versions) add(v, refined);
  return pairs;
}

/** Compares every pair `comparedPairs` lists, sharing the known-difference notes of all versions. */
export function compareAll(versions: ContractVersion[], options: CompareOptions = {}): PairChanges[] {
  const notes = new Map(options.notes ?? []);
  for (const v of versions) collectNotes(v.doc, notes);
  const registry = options.registry ?? defaultRegistry();
  return comparedPairs(versions).map(([a, b]) => {
    const changes = compareVersions(a.doc, b.doc, { registry, notes });
    return { from: a.id, to: b.id, counts: countChanges(changes), changes };
  });
}
