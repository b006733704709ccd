/**
 * Live verdicts: every contract version's validators (lenient, so additive fields pass) over the
 * exchanges of one conformance run. Each exchange is matched to the version's own operation by
 * method + path (the versions' operationIds differ), then judged by the registry's exchange checks
 * (src/checks), with the version's operation and validators: status_code_conformance,
 * content_type_conformance and response_schema_conformance.
 *
 * Requests the suite sent as invalid on purpose (intent `negative`) are refusals, not status
 * conformance of a version: they are judged by negative_data_rejection and not_a_server_error (a
 * 4xx, never a 2xx or a 5xx), whichever 4xx the version documents. One difference remains real: a
 * refused request body that the version's own request schema accepts (its clients may send it).
 * A WebSocket operation's negative frames (in-band FAILED answers) are judged on their status only.
 * Per operation the verdict is conformant, not-conformant (with the first diagnostic) or
 * not-exercised. The first diagnostic is the earliest of the most telling kind: a body or media
 * type a client would parse, then an undocumented status answering a valid request, then a refusal
 * problem.
 */
import type { ValidatorSet } from '../../validate/validators.js';
import { matchOperation, pathMatchers, type PathMatcher } from '../../contract/operations.js';
import type { Exchange } from '../../core/types.js';
import type { LoadedSpec, Operation } from '../../contract/types.js';
import { operationKey } from '../paths.js';
import { setCell } from '../matrix.js';
import type { CompatMatrix, ContractVersion } from '../types.js';
import type { LoggedExchange } from './log.js';
import { liveCell } from './cell.js';
import { judgeExchange, type ProblemRank } from './judgeExchange.js';
import { prepareVersions, type PreparedVersion } from './versionContracts.js';

/** What one operation of one version saw in the run. */
export interface OperationTally {
  /** Matrix column key, `METHOD /path/{}`. */
  key: string;
  /** The version's operationId. */
  operationId: string;
  method: string;
  /** The version's path template. */
  path: string;
  /** Exchanges matched to the operation. */
  exchanges: number;
  /** Exchanges with a response (judged). */
  judged: number;
  /** Sent invalid on purpose (negative intent): judged on their status only. */
  negatives: number;
  /** Answers whose body was cut in the log: judged on their status only. */
  truncatedBodies: number;
  /** Exchanges without a response (transport errors), and the first error. */
  transportErrors: number;
  firstTransportError?: string;
  /** Count per received status. */
  statuses: Record<string, number>;
  /** Exchanges that broke the version's contract. */
  failed: number;
  /** Distinct failure lines, most telling kind first, then in time order (the first is the cell's reason). */
  problems: string[];
  /** Exchanges of negative intent the target answered wrongly for this version (see judgeRefusal). */
  refusalProblems: number;
  /** Lenient-only findings (extra fields are allowed; unknown enum values and the like warn). */
  warnings: number;
  firstWarning?: string;
}

/** The live result of one version. */
export interface VersionLive {
  versionId: string;
  /** Per column key, for every operation the version defines. */
  operations: Map<string, OperationTally>;
  /** Exchanges that matched no operation of this version. */
  unmatched: number;
  /** Unicode-mode pattern rewrites (see versionContracts.ts). */
  patternFixes: string[];
}

/** The live verdicts of every version over one run. */
export interface LiveResult {
  versions: VersionLive[];
  /** Exchanges read. */
  exchanges: number;
  /** Column keys of WebSocket operations (no HTTP exchange expected from the contract suite). */
  websocketKeys: Set<string>;
}

/** Options of the judges. */
export interface JudgeOptions {
  /**
   * Base URL of the target (its path, if any, is removed before matching); default: the URL's
   * path is matched as is.
   */
  baseUrl?: string;
  /**
   * The version whose request schemas the suite built its invalid bodies against (the refined
   * contract): a refused body it finds invalid but another version accepts is that version's real
   * difference. Without it, refusals are judged as refusals only.
   */
  baseline?: string;
}

/** The ids of the negative exchanges whose request body the baseline's own schema refuses. */
function invalidBodiesOf(
  baseline: PreparedVersion | undefined,
  exchanges: readonly LoggedExchange[],
  baseUrl?: string,
): Set<string> {
  const out = new Set<string>();
  if (!baseline) return out;
  const matchers = pathMatchers(baseline.spec.operations.values());
  for (const ex of exchanges) {
    if (ex.intent !== 'negative' || !hasBody(ex)) continue;
    let hit;
    try {
      hit = matchOperation(matchers, ex.request.method, relativePath(ex.request.url, baseUrl));
    } catch {
      continue;
    }
    if (!hit) continue;
    const v = baseline.validators.validateRequestBody(
      hit.operation.operationId,
      ex.request.headers['content-type'],
      ex.request.body,
    );
    if (v.checked && v.diagnostics.some((d) => d.severity === 'error')) out.add(ex.id);
  }
  return out;
}

function hasBody(ex: LoggedExchange): boolean {
  return ex.request.body !== undefined && ex.request.body !== null && ex.request.body !== '';
}

/** The request path relative to the target's base path. */
export function relativePath(url: string, baseUrl?: string): string {
  const pathname = new URL(url).pathname;
  if (!baseUrl) return pathname;
  const base = new URL(baseUrl).pathname.replace(/\/+$/, '');
  return base && pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : pathname;
}

function emptyTally(op: Operation): OperationTally {
  return {
    key: operationKey(op.method, op.path),
    operationId: op.operationId,
    method: op.method.toUpperCase(),
    path: op.path,
    exchanges: 0,
    judged: 0,
    negatives: 0,
    truncatedBodies: 0,
    transportErrors: 0,
    statuses: {},
    failed: 0,
    problems: [],
    refusalProblems: 0,
    warnings: 0,
  };
}

/** Time order (then id): the "first" diagnostic is the earliest exchange that showed it. */
function byTime(a: Exchange, b: Exchange): number {
  return (a.startedAt ?? 0) - (b.startedAt ?? 0) || String(a.id).localeCompare(String(b.id));
}

/** Judges one version's contract over the exchanges. */
export function judgeVersion(
  versionId: string,
  spec: LoadedSpec,
  validators: ValidatorSet,
  exchanges: readonly LoggedExchange[],
  opts: JudgeOptions = {},
  /** Negative exchanges whose body the baseline refuses (judgeVersions computes it). */
  invalidBodies: ReadonlySet<string> = new Set(),
): VersionLive {
  const matchers: PathMatcher[] = pathMatchers(spec.operations.values());
  const operations = new Map<string, OperationTally>();
  for (const op of spec.operations.values()) operations.set(operationKey(op.method, op.path), emptyTally(op));
  let unmatched = 0;
  const ranks = new Map<string, ProblemRank>();
  for (const ex of [...exchanges].sort(byTime)) {
    let path: string;
    try {
      path = relativePath(ex.request.url, opts.baseUrl);
    } catch {
      unmatched++;
      continue;
    }
    const hit = matchOperation(matchers, ex.request.method, path);
    if (!hit) {
      unmatched++;
      continue;
    }
    const t = operations.get(operationKey(hit.operation.method, hit.operation.path))!;
    t.exchanges++;
    if (!ex.response) {
      t.transportErrors++;
      t.firstTransportError ??= ex.error ?? 'no response';
      continue;
    }
    t.judged++;
    t.statuses[String(ex.response.status)] = (t.statuses[String(ex.response.status)] ?? 0) + 1;
    const r = judgeExchange(validators, hit.operation, ex, invalidBodies.has(ex.id));
    if (ex.intent === 'negative') t.negatives++;
    else if (ex.truncated?.response !== undefined) t.truncatedBodies++;
    if (r.problems.length) {
      t.failed++;
      if (r.rank === 2) t.refusalProblems++;
      for (const p of r.problems) {
        if (t.problems.includes(p)) continue;
        t.problems.push(p);
        ranks.set(p, r.rank);
      }
    }
    t.warnings += r.warnings.length ? 1 : 0;
    t.firstWarning ??= r.warnings[0];
  }
  // Stable sort: most telling kind first, time order within a kind.
  for (const t of operations.values()) t.problems.sort((a, b) => ranks.get(a)! - ranks.get(b)!);
  return { versionId, operations, unmatched, patternFixes: [] };
}

/** Judges every prepared version over the exchanges. */
export function judgeVersions(
  prepared: readonly PreparedVersion[],
  exchanges: readonly LoggedExchange[],
  opts: JudgeOptions = {},
): LiveResult {
  const websocketKeys = new Set<string>();
  const invalidBodies = invalidBodiesOf(
    prepared.find((p) => p.id === opts.baseline),
    exchanges,
    opts.baseUrl,
  );
  const versions = prepared.map((p) => {
    for (const op of p.spec.operations.values()) if (op.websocket) websocketKeys.add(operationKey(op.method, op.path));
    return {
      ...judgeVersion(p.id, p.spec, p.validators, exchanges, opts, invalidBodies),
      patternFixes: p.patternFixes,
    };
  });
  return { versions, exchanges: exchanges.length, websocketKeys };
}

/** Judges every version over the exchanges (validators built per version, lenient mode). */
export async function liveVerdicts(
  versions: readonly Pick<ContractVersion, 'id' | 'file' | 'doc'>[],
  exchanges: readonly LoggedExchange[],
  opts: JudgeOptions = {},
): Promise<LiveResult> {
  return judgeVersions(await prepareVersions(versions), exchanges, opts);
}

/**
 * Puts the live verdicts into the matrix (source `live`; the static verdict each replaces is kept
 * in the cell's `static`). Only operations a version defines get a live cell; the others keep their
 * static "not defined" cell.
 */
export function applyLive(matrix: CompatMatrix, live: LiveResult): void {
  const columns = new Set(matrix.columns.map((c) => c.key));
  for (const v of live.versions) {
    if (!matrix.cells[v.versionId]) continue;
    for (const [key, tally] of v.operations) {
      if (!columns.has(key)) continue;
      setCell(matrix, v.versionId, key, liveCell(tally, live.websocketKeys.has(key)));
    }
  }
}
