/**
 * Ids across two servers: what the recorded build answered with and what the emulator answers for
 * the same request differ (ids are minted by each server). Walking both answers side by side, each
 * `id` (and any UUID) the recorded side named is mapped to the one the emulator named at the same
 * place; later requests carry the emulator's ids in their paths, queries and bodies.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class IdMap {
  private readonly map = new Map<string, string>();

  /** Learns from two answers to the same request (JSON values); the first mapping of an id stays. */
  learn(recorded: unknown, emulator: unknown, key = ''): void {
    if (typeof recorded === 'string' && typeof emulator === 'string') {
      if (recorded !== emulator && (key === 'id' || (UUID.test(recorded) && UUID.test(emulator))))
        if (!this.map.has(recorded)) this.map.set(recorded, emulator);
      return;
    }
    if (Array.isArray(recorded) && Array.isArray(emulator)) {
      const n = Math.min(recorded.length, emulator.length);
      for (let i = 0; i < n; i++) this.learn(recorded[i], emulator[i], key);
      return;
    }
    if (recorded && emulator && typeof recorded === 'object' && typeof emulator === 'object') {
      const a = recorded as Record<string, unknown>;
      const b = emulator as Record<string, unknown>;
      for (const k of Object.keys(a)) if (k in b) this.learn(a[k], b[k], k);
    }
  }

  /** Learns from two body texts (JSON bodies only). */
  learnBodies(recorded: string, emulator: string): void {
    try {
      this.learn(JSON.parse(recorded), JSON.parse(emulator));
    } catch {
      /* not JSON: nothing to learn */
    }
  }

  /** The text with every recorded id replaced by the emulator's. */
  apply(text: string): string {
    let out = text;
    for (const [from, to] of [...this.map].sort((x, y) => y[0].length - x[0].length)) out = out.split(from).join(to);
    return out;
  }

  get size(): number {
    return this.map.size;
  }
}
