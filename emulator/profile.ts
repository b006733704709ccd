/**
 * The emulator's profiles: `instant` (answers in a millisecond, indexes at once, the same text for
 * the same input) and `realistic`, the pace of a real Pieces OS with a local LLM: seconds to the
 * first token, tens of ms per chunk (on REST the whole answer's time before the response), a search
 * index that lags writes, answer text that varies between runs, downloads that take seconds with
 * uneven progress. The realistic profile proves the suites are not tuned to the instant one.
 */

/** The profiles. */
export const PROFILES = ['instant', 'realistic'] as const;
export type Profile = (typeof PROFILES)[number];

/** A closed range of milliseconds, [min, max]. */
export type Range = readonly [number, number];

/** What a profile sets (each overridable by its own option). */
export interface ProfileSettings {
  /** From a streamed question to its first chunk (a REST answer waits for the whole answer). */
  firstTokenMs: Range;
  /** Between two chunks. */
  chunkMs: Range;
  /** How long a created asset stays out of search and relevance. */
  indexLagMs: number;
  /** The whole duration of a model download. */
  downloadMs: number;
  /** Whether answers vary between two identical questions. */
  variedAnswers: boolean;
}

/** The defaults of a profile; `streamDelayMs` is the instant profile's pause between chunks. */
export function profileDefaults(profile: Profile, streamDelayMs = 2): ProfileSettings {
  if (profile === 'realistic')
    return { firstTokenMs: [500, 2000], chunkMs: [20, 80], indexLagMs: 1500, downloadMs: 4000, variedAnswers: true };
  return {
    firstTokenMs: [streamDelayMs, streamDelayMs],
    chunkMs: [streamDelayMs, streamDelayMs],
    indexLagMs: 0,
    downloadMs: 300,
    variedAnswers: false,
  };
}

/** `500-2000` or `40` into a range; undefined when it is neither. */
export function parseRange(text: string): Range | undefined {
  const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(text);
  if (!m) return undefined;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : Number(m[2]);
  return min <= max ? [min, max] : undefined;
}

/** A draw from a range (uniform). */
export function draw([min, max]: Range, random: () => number = Math.random): number {
  return Math.round(min + (max - min) * random());
}

/** The latencies of the simulated LLM. */
export class Pace {
  constructor(private readonly s: Pick<ProfileSettings, 'firstTokenMs' | 'chunkMs'>) {}

  /** The pause before the first chunk of a streamed answer. */
  firstTokenMs(): number {
    return draw(this.s.firstTokenMs);
  }

  /** The pause before the next chunk. */
  chunkMs(): number {
    return draw(this.s.chunkMs);
  }

  /**
   * How long a REST answer of `chunks` chunks takes to generate (first token plus every chunk);
   * 0 when the profile is instant (no LLM latency on REST at all, as before profiles).
   */
  restAnswerMs(chunks: number): number {
    if (this.s.firstTokenMs[1] <= 2 && this.s.chunkMs[1] <= 2) return 0;
    let ms = this.firstTokenMs();
    for (let i = 0; i < chunks; i++) ms += this.chunkMs();
    return ms;
  }
}

/** Resolves after `ms` (at once for 0). */
export function sleep(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((r) => setTimeout(r, ms));
}

/**
 * The search index's lag: a created asset is found by search and relevance only `lagMs` after its
 * write (its reads by id and its listing are immediate, as on a real Pieces OS whose search index
 * is built asynchronously).
 */
export class IndexLag {
  private readonly pending = new Map<string, number>();

  constructor(private readonly lagMs: number) {}

  /** An asset was written now. */
  written(id: string): void {
    if (this.lagMs > 0) this.pending.set(id, Date.now() + this.lagMs);
  }

  /** Whether search sees the asset yet. */
  visible(id: string): boolean {
    const at = this.pending.get(id);
    if (at === undefined) return true;
    if (Date.now() < at) return false;
    this.pending.delete(id);
    return true;
  }
}

const OPENERS = [
  'Here is what I found.',
  'Sure, let me walk through it.',
  'Good question.',
  'Let me explain.',
  'In short:',
  'This is how I would approach it.',
];

/** An answer text as a realistic profile varies it: an opener and a closing remark that change per answer. */
export function varyAnswer(text: string, random: () => number = Math.random): string {
  const opener = OPENERS[Math.floor(random() * OPENERS.length)];
  const confidence = 60 + Math.floor(random() * 40);
  return `${opener} ${text}\n\n(Confidence about ${confidence}%.)`;
}

/**
 * The percentages of a realistic download: uneven steps (bytes arrive at a varying rate),
 * fractional, never decreasing, ending below 100 (COMPLETED carries the 100).
 */
export function downloadSteps(count: number, random: () => number = Math.random): number[] {
  const weights = Array.from({ length: count }, () => 0.3 + random());
  const total = weights.reduce((a, b) => a + b, 0);
  let sum = 0;
  return weights.slice(0, -1).map((w) => {
    sum += w;
    return Math.round((sum / total) * 10_000) / 100;
  });
}
