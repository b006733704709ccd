/** The kinds of value some settings take (suites, gate modes, emulator profiles, shards, targets) and their parsers. */

/** The suites (Playwright projects) a run can select. */
export const SUITES = ['contract', 'stream', 'property'] as const;
export type Suite = (typeof SUITES)[number];

/** How the coverage gate acts (auto: enforce on whole runs, report on shards and filtered runs). */
export const COVERAGE_GATE_MODES = ['auto', 'enforce', 'report', 'off'] as const;
export type CoverageGateMode = (typeof COVERAGE_GATE_MODES)[number];

/** A Playwright shard: run part `index` of `total`. */
export interface Shard {
  index: number;
  total: number;
}

/** Parses `i/n` into a shard, or undefined when it is not one. */
export function parseShard(value: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const total = Number(m[2]);
  return index >= 1 && total >= 1 && index <= total ? { index, total } : undefined;
}

/** `auto`, or an http(s) base URL without trailing slashes; undefined otherwise. */
export function parseTarget(value: string): string | undefined {
  if (value.toLowerCase() === 'auto') return 'auto';
  try {
    const u = new URL(value);
    if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.hostname === '') return undefined;
  } catch {
    return undefined;
  }
  return value.replace(/\/+$/, '');
}

/** The embedded emulator's profiles (emulator --profile). */
export const EMULATOR_PROFILES = ['instant', 'realistic'] as const;
export type EmulatorProfile = (typeof EMULATOR_PROFILES)[number];
