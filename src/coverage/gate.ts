/**
 * The coverage gate: which operations of the contract a run exercised, which it had to, and the
 * summary line (`28/28 seed operations, 4/4 neighbours`). An HTTP operation is exercised by any
 * answered request; a WebSocket operation only by a stream test (a hit with source `stream`).
 * An operation is required when the suite that exercises it ran: HTTP operations when `contract`
 * ran, WebSocket operations when `stream` ran. An operation exercised only by refusals (no 2xx, or
 * no 101 upgrade for a WebSocket one) is listed apart: its success path was never judged, which a
 * run that only sends bad input (or a target that refuses the harness's valid requests) hides.
 */
import type { Operation } from '../contract/types.js';
import type { CoverageLedger } from './ledger.js';

/** One operation's row of the coverage report. */
export interface OperationCoverage {
  operationId: string;
  method: string;
  path: string;
  tags: string[];
  neighbour: boolean;
  websocket: boolean;
  exercised: boolean;
  /** Exercised, but no answer was a success (2xx; 101 for a WebSocket operation). */
  refusalsOnly: boolean;
  required: boolean;
  /** Statuses answered (0: no response), ascending. */
  statusesSeen: number[];
  statusesDocumented: string[];
  media: string[];
  checks: string[];
  failed: string[];
  requests: number;
}

/** Counts of a group of operations. */
export interface Tally {
  exercised: number;
  total: number;
}

/** The gate's verdict over a whole run. */
export interface CoverageSummary {
  operations: OperationCoverage[];
  seed: Tally;
  neighbours: Tally;
  /** Projects (suites) that contributed coverage. */
  projects: string[];
  /** Required but never exercised: these fail the gate. */
  missing: string[];
  /** Not exercised and not required (their suite did not run). */
  skipped: string[];
  /** Exercised only by refusals: the success path was never judged (a warning, not a gate failure). */
  refusalsOnly: string[];
  /** Exercised operations the contract does not know: not in the contract (`--contract` chose one without them), never failed. */
  unknown: string[];
  /** `28/28 seed operations, 4/4 neighbours`. */
  line: string;
  passed: boolean;
}

/** Which project is responsible for HTTP and WebSocket operations. */
export interface GateOptions {
  httpProject?: string;
  streamProject?: string;
  /** Operations this run may not exercise (e.g. writes in a read-only run): never required. */
  exempt?: ReadonlySet<string>;
}

/** Evaluates the ledger against the contract's operations. */
export function evaluateCoverage(
  operations: Iterable<Operation>,
  ledger: CoverageLedger,
  projects: readonly string[],
  opts: GateOptions = {},
): CoverageSummary {
  const entries = ledger.entries();
  const ran = new Set(projects);
  const ops = [...operations];
  const rows: OperationCoverage[] = ops.map((op) => {
    const mine = entries.filter((e) => e.operationId === op.operationId);
    const counted = mine.filter((e) => (op.websocket ? e.source === 'stream' : e.status > 0));
    const required =
      ran.has(op.websocket ? (opts.streamProject ?? 'stream') : (opts.httpProject ?? 'contract')) &&
      !opts.exempt?.has(op.operationId);
    return {
      operationId: op.operationId,
      method: op.method,
      path: op.path,
      tags: op.tags,
      neighbour: op.neighbour,
      websocket: op.websocket,
      exercised: counted.length > 0,
      refusalsOnly:
        counted.length > 0 &&
        !counted.some((e) => (op.websocket ? e.status === 101 : e.status >= 200 && e.status < 300)),
      required,
      statusesSeen: [...new Set(mine.map((e) => e.status))].sort((a, b) => a - b),
      statusesDocumented: Object.keys(op.responses).map((s) => (s === 'DEFAULT' ? 'default' : s)),
      media: [...new Set(mine.map((e) => e.media))].sort(),
      checks: [...new Set(mine.flatMap((e) => e.checks))].sort(),
      failed: [...new Set(mine.flatMap((e) => e.failed ?? []))].sort(),
      requests: mine.reduce((n, e) => n + e.count, 0),
    };
  });
  const tally = (list: OperationCoverage[]): Tally => ({
    exercised: list.filter((r) => r.exercised).length,
    total: list.length,
  });
  const seed = tally(rows.filter((r) => !r.neighbour));
  const neighbours = tally(rows.filter((r) => r.neighbour));
  const missing = rows.filter((r) => r.required && !r.exercised).map((r) => r.operationId);
  const skipped = rows.filter((r) => !r.required && !r.exercised).map((r) => r.operationId);
  const known = new Set(ops.map((o) => o.operationId));
  const unknown = [...new Set(entries.map((e) => e.operationId).filter((id) => !known.has(id)))].sort();
  const line = `${seed.exercised}/${seed.total} seed operations, ${neighbours.exercised}/${neighbours.total} neighbours`;
  const refusalsOnly = rows.filter((r) => r.refusalsOnly).map((r) => r.operationId);
  return {
    operations: rows,
    seed,
    neighbours,
    projects: [...ran].sort(),
    missing,
    skipped,
    refusalsOnly,
    unknown,
    line,
    passed: missing.length === 0,
  };
}

/** The one line a failed gate reports. */
export function gateMessage(summary: CoverageSummary): string {
  const refused = summary.refusalsOnly?.length
    ? `; only refusals seen (no success answer) for ${summary.refusalsOnly.join(', ')}`
    : '';
  if (summary.passed) return `coverage: ${summary.line}${refused}`;
  const n = summary.missing.length;
  return `coverage gate: ${n} operation${n === 1 ? '' : 's'} of the contract never exercised: ${summary.missing.join(', ')} (${summary.line})${refused}`;
}
