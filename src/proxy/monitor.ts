/**
 * What the proxy learns from the traffic: every exchange judged by the registry's exchange checks
 * (the runner the suites use), every streamed answer and download watch judged by the stream
 * checks, the coverage ledger, the failures grouped by check and operation with a few sample
 * exchanges each (with their cURL), and what the contract does not know.
 */
import type { ContractFailure } from '../core/errors.js';
import type { Exchange } from '../core/types.js';
import { checksOfKind } from '../checks/registry.js';
import { judgeStreams, runExchangeChecks, type StreamVerdict, type Verdict } from '../checks/run.js';
import type { Check } from '../checks/types.js';
import { toCurl } from '../client/curl.js';
import { CoverageLedger } from '../coverage/ledger.js';
import { hitOf } from '../coverage/hit.js';
import type { StreamSubject } from '../stream/types.js';
import type { Operation } from '../contract/types.js';
import type { ValidatorSet } from '../validate/validators.js';

/** One distinct failure, how often it was seen, and samples of where. */
export interface FailureRecord {
  failure: ContractFailure;
  count: number;
  /** The first exchanges (or stream subjects) that showed it. */
  samples: SampleRecord[];
}

/** A failing exchange or stream, kept for the reports. */
export interface SampleRecord {
  id: string;
  at: string;
  /** `GET /asset/… → 200`, or `request r-3 on socket s1`. */
  label: string;
  curl?: string;
  request?: Exchange['request'];
  response?: Exchange['response'] | null;
  error?: string;
  /** Stream frames (raw), for stream failures. */
  frames?: string[];
}

/** What the proxy saw of one operation or channel. */
export interface OperationStats {
  operationId: string;
  tag: string;
  websocket: boolean;
  /** Exchanges (HTTP) or judged subjects (streamed answers, download watches). */
  judged: number;
  failedSubjects: number;
  totalMs: number;
  checks: Set<string>;
  failures: Map<string, FailureRecord>;
}

/** How many samples each distinct failure keeps. */
export const SAMPLES_PER_FAILURE = 3;

/** Stream checks that judge how an answer ended: not applied to answers the client itself cut short. */
export const ENDING_CHECKS = new Set([
  'stream_grammar',
  'download_progress_terminal',
  'stream_request_accepted',
  'stream_in_band_error',
]);

/** Accumulates verdicts; everything it keeps is bounded by operations × distinct failures. */
export class ProxyMonitor {
  readonly ledger = new CoverageLedger();
  readonly operations = new Map<string, OperationStats>();
  /** `METHOD /path` → count, for requests the contract does not document. */
  readonly unknown = new Map<string, number>();
  /** Requests whose body or parameters break the contract (the client's side), by operation. */
  readonly requestFindings = new Map<string, { count: number; first: string }>();
  readonly startedAt = Date.now();
  exchanges = 0;
  frames = 0;
  /** Streamed answers or watches the client closed before they ended (judged on their frames only). */
  abandoned = 0;
  /** Streamed answers still running when the report was written (not judged yet). */
  inFlight = 0;
  /** Responses too large to keep whose schema was not judged. */
  unvalidatedBodies = 0;
  private readonly exchangeChecks: Check<Exchange>[];
  private readonly streamChecks: Check<any>[];

  /** Called once per distinct failure, when it is first seen (the CLI prints it). */
  onNewFailure?: (failure: ContractFailure, sample: SampleRecord) => void;

  constructor(readonly validators: ValidatorSet) {
    this.exchangeChecks = checksOfKind('exchange');
    this.streamChecks = checksOfKind('stream');
  }

  private stats(operationId: string, op?: Operation): OperationStats {
    let s = this.operations.get(operationId);
    if (!s) {
      const known = op ?? this.validators.spec.operations.get(operationId);
      s = {
        operationId,
        tag: known?.tags[0] ?? '',
        websocket: known?.websocket ?? false,
        judged: 0,
        failedSubjects: 0,
        totalMs: 0,
        checks: new Set(),
        failures: new Map(),
      };
      this.operations.set(operationId, s);
    }
    return s;
  }

  private addFailures(s: OperationStats, failures: readonly ContractFailure[], sample: () => SampleRecord): void {
    let made: SampleRecord | undefined;
    for (const f of failures) {
      let rec = s.failures.get(f.key);
      const fresh = !rec;
      if (!rec) {
        rec = { failure: f, count: 0, samples: [] };
        s.failures.set(f.key, rec);
      }
      rec.count++;
      if (rec.samples.length < SAMPLES_PER_FAILURE) rec.samples.push((made ??= sample()));
      if (fresh) this.onNewFailure?.(f, rec.samples[0]);
    }
  }

  /**
   * Judges one finished HTTP exchange; an exchange outside the contract is only counted.
   * `bodyUnchecked`: the response body was too large to keep, so its schema is not judged.
   */
  judgeExchange(
    ex: Exchange,
    op: Operation | undefined,
    pathname: string,
    opts: { bodyUnchecked?: boolean } = {},
  ): Verdict | undefined {
    this.exchanges++;
    if (!op) {
      const key = `${ex.request.method} ${pathname}`;
      this.unknown.set(key, (this.unknown.get(key) ?? 0) + 1);
      return undefined;
    }
    const checks = opts.bodyUnchecked
      ? this.exchangeChecks.filter((c) => c.name !== 'response_schema_conformance')
      : this.exchangeChecks;
    if (opts.bodyUnchecked) this.unvalidatedBodies++;
    const verdict = runExchangeChecks(ex, { validators: this.validators, operation: op }, checks);
    const failed = [...new Set(verdict.failures.map((f) => f.check))];
    const hit = hitOf(ex, verdict.ran, failed);
    if (hit) this.ledger.record(hit);
    const s = this.stats(op.operationId, op);
    s.judged++;
    s.totalMs += ex.durationMs;
    for (const c of verdict.ran) s.checks.add(c);
    if (verdict.failures.length) {
      s.failedSubjects++;
      this.addFailures(s, verdict.failures, () => ({
        id: ex.id,
        at: new Date(ex.startedAt).toISOString(),
        label: `${ex.request.method} ${pathname} → ${ex.response?.status ?? 'no response'}`,
        curl: toCurl(ex),
        request: ex.request,
        response: ex.response ?? null,
        ...(ex.error ? { error: ex.error } : {}),
      }));
    }
    return verdict;
  }

  /** Notes request-side findings (a body or parameter that breaks the contract). */
  noteRequestFinding(operationId: string, message: string): void {
    const r = this.requestFindings.get(operationId);
    if (r) r.count++;
    else this.requestFindings.set(operationId, { count: 1, first: message });
  }

  /**
   * Judges a streamed answer or a download watch with every stream check (`cutShort`: the client
   * closed before it ended, so the checks of its ending are left out); answers the new failures.
   */
  judgeStream(
    subject: StreamSubject,
    opts: { cutShort?: boolean; durationMs?: number; label: string; rejudge?: boolean },
  ): StreamVerdict {
    const checks = opts.cutShort ? this.streamChecks.filter((c) => !ENDING_CHECKS.has(c.name)) : this.streamChecks;
    const [verdict] = judgeStreams([subject], { validators: this.validators }, checks);
    const s = this.stats(subject.channel);
    if (!opts.rejudge) {
      s.judged++;
      s.totalMs += opts.durationMs ?? 0;
      if (opts.cutShort) this.abandoned++;
      this.ledger.record({
        operationId: subject.channel,
        status: 101,
        media: 'application/json',
        checks: verdict.checks,
        failed: verdict.failed,
        source: 'stream',
      });
    }
    for (const c of verdict.checks) s.checks.add(c);
    const fresh = verdict.failures.filter((f) => !s.failures.has(f.key));
    if (verdict.failures.length && !opts.rejudge) s.failedSubjects++;
    const frames = 'request' in subject ? subject.request.frames : 'watch' in subject ? subject.watch.frames : [];
    this.addFailures(s, opts.rejudge ? fresh : verdict.failures, () => ({
      id: opts.label,
      at: new Date().toISOString(),
      label: opts.label,
      frames: frames.slice(0, 50).map((f) => (f.raw.length > 2000 ? `${f.raw.slice(0, 2000)}…` : f.raw)),
      ...('request' in subject
        ? { request: { method: 'WS', url: subject.socket.url, headers: {}, body: subject.request.rawInput } }
        : {}),
    }));
    return verdict;
  }

  /** Every distinct failure, by check then operation. */
  allFailures(): Array<FailureRecord & { operationId: string }> {
    return [...this.operations.values()]
      .flatMap((s) => [...s.failures.values()].map((r) => ({ ...r, operationId: s.operationId })))
      .sort((a, b) => a.failure.check.localeCompare(b.failure.check) || a.operationId.localeCompare(b.operationId));
  }
}
