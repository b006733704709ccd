/**
 * Live verdicts: every contract version's validators (lenient, so additive fields pass) over the
 * exchanges of one conformance run. Each exchange is matched to the version's own operation by
 * method + path (the versions' operationIds differ), then judged:
 *
 * - status: the version documents the status (exact, range or default);
 * - media type: a documented body's Content-Type is one of the documented media types;
 * - body: the response body validates against the schema of that status and media type.
 *
 * Requests the suite sent as invalid on purpose (intent `negative`) are judged on their status only:
 * what the refined contract refuses, an older version may accept, so only "is this status
 * documented" is asked of them. Per operation the verdict is conformant, not-conformant (with the
 * first diagnostic) or not-exercised. The first diagnostic is the earliest of the most telling kind:
 * a body or media type a client would parse, then an undocumented status answering a valid request,
 * then an undocumented status refusing an invalid one.
 */
import { buildValidators, type ValidatorSet } from '../../validate/validators.js';
import { essence, mediaFor, responseFor } from '../../validate/media.js';
import { matchOperation, pathMatchers, type PathMatcher } from '../../contract/operations.js';
import type { Exchange } from '../../core/types.js';
import type { LoadedSpec, Operation } from '../../contract/types.js';
import { operationKey } from '../paths.js';
import { setCell } from '../matrix.js';
import type { CompatMatrix, ContractVersion, MatrixCell } from '../types.js';
import type { LoggedExchange } from './log.js';
import { versionSpec } from './spec.js';

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
  /** Exchanges of negative intent whose refusal status the version does not document. */
  undocumentedRefusals: number;
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
  /** Unicode-mode pattern rewrites (see spec.ts). */
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
    undocumentedRefusals: 0,
    warnings: 0,
  };
}

function documentedStatuses(op: Operation): string {
  return Object.keys(op.responses).join(', ') || 'none';
}

/** What kind of problem an exchange showed, most telling first: 0 body or media type, 1 status of a valid request, 2 status of a refusal. */
export type ProblemRank = 0 | 1 | 2;

/** The verdict on one answered exchange against one operation. */
export interface ExchangeJudgement {
  /** Failure lines ([] when conformant). */
  problems: string[];
  /** How telling the problems are (see ProblemRank). */
  rank: ProblemRank;
  /** Lenient-only findings. */
  warnings: string[];
  /** Only the status was judged (negative intent, or a truncated body). */
  statusOnly: boolean;
}

/** The problems of one answered exchange against one operation ([] when conformant), and its warnings. */
export function judgeExchange(
  validators: ValidatorSet,
  op: Operation,
  exchange: Pick<LoggedExchange, 'intent' | 'response' | 'truncated'>,
): ExchangeJudgement {
  const res = exchange.response!;
  const where = `${op.method.toUpperCase()} ${op.path} ${res.status}`;
  const negative = exchange.intent === 'negative';
  const documented = responseFor(op, res.status);
  if (!documented) {
    return {
      problems: [
        `${where}: status ${res.status} not documented (documented: ${documentedStatuses(op)})${negative ? ', refusing an invalid request' : ''}`,
      ],
      rank: negative ? 2 : 1,
      warnings: [],
      statusOnly: negative || exchange.truncated?.response !== undefined,
    };
  }
  const statusOnly = negative || exchange.truncated?.response !== undefined;
  if (statusOnly) return { problems: [], rank: 0, warnings: [], statusOnly };
  const media = Object.keys(documented.content);
  const contentType = res.headers['content-type'];
  if (media.length > 0 && (contentType || res.body.length > 0) && !mediaFor(documented.content, contentType)) {
    return {
      problems: [
        `${where}: Content-Type ${essence(contentType) ?? '(none)'} not documented (documented: ${media.join(', ')})`,
      ],
      rank: 0,
      warnings: [],
      statusOnly,
    };
  }
  const v = validators.validateResponse(op.operationId, res.status, contentType, res.body);
  const errors = v.diagnostics.filter((d) => d.severity === 'error');
  const warnings = v.diagnostics.filter((d) => d.severity === 'warning');
  return {
    problems: errors.length ? [`${where}: ${errors[0].message}`] : [],
    rank: 0,
    warnings: warnings.map((w) => `${where}: ${w.message}`),
    statusOnly,
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
    const r = judgeExchange(validators, hit.operation, ex);
    if (ex.intent === 'negative') t.negatives++;
    else if (ex.truncated?.response !== undefined) t.truncatedBodies++;
    if (r.problems.length) {
      t.failed++;
      if (r.rank === 2) t.undocumentedRefusals++;
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

function statusList(t: OperationTally): string {
  return Object.entries(t.statuses)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([s, n]) => `${s} ×${n}`)
    .join(', ');
}

/** The matrix cell of one operation's tally. */
export function liveCell(t: OperationTally | undefined, websocket = false): MatrixCell {
  if (!t || t.exchanges === 0) {
    return {
      verdict: 'not-exercised',
      source: 'live',
      reason: websocket
        ? 'No frame in the conformance run (a WebSocket operation: only the stream suite logs its frames)'
        : 'No exchange of the conformance run reached this operation',
    };
  }
  const noun = websocket ? 'frame' : 'exchange'; // a WebSocket operation's exchanges are its frames (frames.ts)
  if (t.judged === 0) {
    return {
      verdict: 'not-exercised',
      source: 'live',
      reason: `${t.exchanges} ${noun}${t.exchanges === 1 ? '' : 's'}, none answered (${t.firstTransportError})`,
    };
  }
  const n = `${t.judged} ${noun}${t.judged === 1 ? '' : 's'}`;
  const extras = [
    `statuses ${statusList(t)}`,
    t.negatives ? `${t.negatives} invalid on purpose, judged on status only` : '',
    t.truncatedBodies ? `${t.truncatedBodies} with a truncated body, judged on status only` : '',
    t.transportErrors ? `${t.transportErrors} without answer` : '',
    t.warnings ? `${t.warnings} with lenient warnings, first: ${t.firstWarning}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  if (t.failed) {
    const more =
      t.problems.length > 1 ? ` (+${t.problems.length - 1} other problem${t.problems.length === 2 ? '' : 's'})` : '';
    return {
      verdict: 'not-conformant',
      source: 'live',
      reason: `${t.problems[0]}${more} — ${t.failed} of ${n} failed (${extras})`,
    };
  }
  return { verdict: 'conformant', source: 'live', reason: `${n} conformant (${extras})` };
}

/** A version ready to judge: its spec and its lenient validators. */
export interface PreparedVersion {
  id: string;
  spec: LoadedSpec;
  validators: ValidatorSet;
  patternFixes: string[];
}

/**
 * Builds every version's spec and lenient validators (the slow part: every schema is compiled; it
 * needs no exchange, so it can run while the conformance run does).
 */
export async function prepareVersions(
  versions: readonly Pick<ContractVersion, 'id' | 'file' | 'doc'>[],
): Promise<PreparedVersion[]> {
  const out: PreparedVersion[] = [];
  for (const v of versions) {
    const { spec, patternFixes } = await versionSpec(v);
    out.push({ id: v.id, spec, validators: buildValidators(spec, 'lenient'), patternFixes });
  }
  return out;
}

/** Judges every prepared version over the exchanges. */
export function judgeVersions(
  prepared: readonly PreparedVersion[],
  exchanges: readonly LoggedExchange[],
  opts: JudgeOptions = {},
): LiveResult {
  const websocketKeys = new Set<string>();
  const versions = prepared.map((p) => {
    for (const op of p.spec.operations.values()) if (op.websocket) websocketKeys.add(operationKey(op.method, op.path));
    return { ...judgeVersion(p.id, p.spec, p.validators, exchanges, opts), patternFixes: p.patternFixes };
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
