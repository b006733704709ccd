/**
 * The coverage ledger: operation × status × media type over every exchange (and stream channel)
 * a run made, with the checks that ran on each. It is plain data, so workers can write their part
 * to a file and a reporter can merge them.
 */

/** One observed cell: an operation answered `status` with `media`, and these checks judged it. */
export interface CoverageHit {
  operationId: string;
  /** HTTP status, or 101 for a WebSocket channel that was exercised. */
  status: number;
  /** Media type essence, or `-` when there was no body. */
  media: string;
  checks: string[];
  /** Failed checks on this hit. */
  failed?: string[];
  /**
   * How the operation was exercised: `http` (a plain request; the default) or `stream` (a
   * WebSocket session by a stream test). A WebSocket operation counts as exercised only by `stream`.
   */
  source?: 'http' | 'stream';
}

/** Accumulates hits; merge-able across workers. */
export class CoverageLedger {
  private readonly cells = new Map<
    string,
    { hit: CoverageHit; count: number; checks: Set<string>; failed: Set<string> }
  >();

  /** Records one observation (or `times` identical ones). */
  record(hit: CoverageHit, times = 1): void {
    const source = hit.source ?? 'http';
    const key = `${hit.operationId}|${hit.status}|${hit.media}|${source}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = {
        hit: { operationId: hit.operationId, status: hit.status, media: hit.media, checks: [], source },
        count: 0,
        checks: new Set(),
        failed: new Set(),
      };
      this.cells.set(key, cell);
    }
    cell.count += times;
    for (const c of hit.checks) cell.checks.add(c);
    for (const c of hit.failed ?? []) cell.failed.add(c);
  }

  /** Every cell with its count, checks run and checks failed. */
  entries(): Array<CoverageHit & { count: number }> {
    return [...this.cells.values()].map((c) => ({
      ...c.hit,
      checks: [...c.checks].sort(),
      failed: [...c.failed].sort(),
      count: c.count,
    }));
  }

  /** The operations with at least one hit. */
  exercised(): Set<string> {
    return new Set([...this.cells.values()].map((c) => c.hit.operationId));
  }

  /** Adds every cell of another ledger's entries (e.g. read back from a worker's file). */
  merge(entries: Array<CoverageHit & { count?: number }>): void {
    for (const e of entries) this.record(e, Math.max(1, e.count ?? 1));
  }
}
