/**
 * The stream harness a test gets as `streams`: its stream sessions (on the target or the dedicated
 * slow one), and at teardown every request and download watch settled and judged by the registry's
 * stream checks, the failures joined to the test's contract failures, each judged channel a
 * coverage hit, and the answers' timings and frames attached.
 */
import type { TestInfo } from '@playwright/test';
import { HarnessError } from '../../src/core/errors.js';
import type { ValidatorSet } from '../../src/validate/validators.js';
import type { Target } from '../../src/target/index.js';
import type { TimeBudgets } from '../../src/settings/index.js';
import {
  answerTimings,
  budgetsFromEnv,
  firstConversationOf,
  StreamSession,
  socketTimeoutsOf,
  timingLine,
  type StreamSubject,
  type TimingBudgets,
} from '../../src/stream/index.js';
import type { ScenarioRecorder } from '../../src/checks/recorder.js';
import type { StreamVerdict } from '../../src/checks/run.js';
import type { CoverageLedger } from '../../src/coverage/index.js';
import type { Owned } from '../fixtures/owned.js';
import { frameExchanges, type ExchangeLogWriter, type LogContext } from '../../src/compat/live/index.js';
import {
  entryOfWebSocket,
  webSocketsOfSession,
  type HarContext,
  type HarPartWriter,
} from '../../src/report/har/index.js';

/** A second target for tests that need time (stop mid-answer, cancel mid-download). */
export interface SlowTarget {
  url: string;
  /** True when it is a dedicated emulator (slow stream, slow downloads) rather than the target itself. */
  dedicated: boolean;
}

/** What a stream test gets. */
export interface Streams {
  /** A new session on the target (or on `baseUrl`): its sockets and watches are judged at teardown. */
  session(baseUrl?: string): StreamSession;
  /** Settles and judges everything so far (teardown does it anyway); answers the verdicts. */
  judgeNow(): Promise<StreamVerdict[]>;
}

/**
 * An answer's time budgets (stream_timing_budget): the PIECES_STREAM_TTFC_MS / _GAP_MS / _TOTAL_MS
 * ones; when none is set, at the instant pace (the embedded emulator, which answers in
 * milliseconds) a first chunk within 5 s: loose enough for twenty sockets at once on a loaded
 * machine (2.6 s seen at a load average of 34).
 */
function answerBudgets(b: TimeBudgets): TimingBudgets {
  const set = budgetsFromEnv();
  if (b.pace !== 'instant' || Object.values(set).some((v) => v !== undefined)) return set;
  return { ttfcMs: 5000 };
}

export class StreamHarness implements Streams {
  private readonly sessions: StreamSession[] = [];
  /** The sessions on the target itself (not on the dedicated slow emulator). */
  private readonly onTarget = new Set<StreamSession>();
  private readonly judged = new WeakSet<object>();
  readonly verdicts: StreamVerdict[] = [];

  private readonly timeouts: ReturnType<typeof socketTimeoutsOf>;
  /** An answer's time budgets (stream_timing_budget). */
  private readonly answerBudgets: TimingBudgets;
  /** A download watch's bound: the download budget. */
  private readonly downloadMs: number;

  constructor(
    private readonly target: Target,
    budgets: TimeBudgets,
    private readonly validators: ValidatorSet,
    private readonly recorder: ScenarioRecorder,
    private readonly coverage: CoverageLedger,
    private readonly owned: Owned,
    /** The exchange log (PIECES_EXCHANGE_LOG=1): the frames on the target go there too, for `compat`. */
    private readonly log?: { writer: ExchangeLogWriter; context: LogContext },
    /** The run's HAR: every socket of the test, with what was sent and received on it. */
    private readonly har?: { writer: HarPartWriter; context: HarContext },
    /** PIECES_READONLY: no session on the target (a streamed question is a prompt and starts a conversation). */
    private readonly readonly = false,
  ) {
    // The stream budgets: the instant emulator answers in ms, a local LLM may think for a while.
    this.timeouts = socketTimeoutsOf(budgets);
    this.answerBudgets = answerBudgets(budgets);
    this.downloadMs = budgets.downloadMs;
  }

  session(baseUrl = this.target.url): StreamSession {
    if (this.readonly && baseUrl === this.target.url)
      throw new HarnessError(
        'usage',
        'PIECES_READONLY=1, but the test opens a stream session on the target',
        'skip the test in read-only runs (safety.streamedQuestions() or safety.downloads())',
      );
    const s = new StreamSession({
      baseUrl,
      validators: this.validators,
      timeouts: this.timeouts,
      budgets: this.answerBudgets,
      downloadMs: this.downloadMs,
    });
    this.sessions.push(s);
    if (baseUrl === this.target.url) this.onTarget.add(s);
    return s;
  }

  async judgeNow(): Promise<StreamVerdict[]> {
    await Promise.all(this.sessions.map((s) => s.settle()));
    const subjects = this.sessions.flatMap((s) => s.subjects());
    // Judge each request, watch and upgrade once, even when a test asks for a verdict before teardown.
    const fresh = subjects.filter((s) => !this.judged.has(recordOf(s)));
    for (const s of fresh) this.judged.add(recordOf(s));
    const verdicts = this.recorder.judgeStreams(fresh);
    for (const v of verdicts) {
      this.coverage.record({
        operationId: v.subject.channel,
        status: 101,
        media: 'application/json',
        checks: v.checks,
        failed: v.failed,
        source: 'stream',
      });
    }
    this.verdicts.push(...verdicts);
    return verdicts;
  }

  /**
   * A question streamed without a conversation starts one on the target: hand those to `owned`,
   * whose cleanup (the `api` fixture's teardown, after this one) deletes them.
   */
  private adoptNewConversations(): void {
    for (const s of this.onTarget) {
      for (const r of s.requests) {
        if (r.conversation !== undefined || r.intent !== 'positive') continue;
        const id = firstConversationOf(r.frames);
        if (id) this.owned.adoptConversation(id);
      }
    }
  }

  async finish(testInfo: TestInfo): Promise<void> {
    try {
      await this.judgeNow();
    } finally {
      await Promise.all(this.sessions.map((s) => s.close()));
      this.adoptNewConversations();
      if (this.har)
        for (const s of this.sessions)
          for (const ws of webSocketsOfSession(s)) this.har.writer.write(entryOfWebSocket(ws, this.har.context));
      if (this.log) {
        // The dedicated slow emulator stands in for an embedded-emulator target (same code, slower
        // pace), so its frames count too; against a live target only the target's own are logged.
        const logged = this.target.kind === 'emulator' ? this.sessions : [...this.onTarget];
        for (const s of logged) for (const ex of frameExchanges(s)) this.log.writer.write(ex, this.log.context);
      }
    }
    const timings = this.sessions.flatMap((s) => s.requests.map(answerTimings));
    if (timings.length > 0) {
      const line = timingLine(timings);
      testInfo.annotations.push({ type: 'stream-timings', description: line });
      await testInfo.attach('stream-timings.json', {
        body: JSON.stringify({ line, answers: timings }, null, 2),
        contentType: 'application/json',
      });
    }
    const failed = this.verdicts.some((v) => v.failures.length > 0) || testInfo.status !== testInfo.expectedStatus;
    if (failed && this.sessions.length > 0) {
      await testInfo.attach('stream-frames.json', {
        body: JSON.stringify(this.sessions.map(framesRecord), null, 2),
        contentType: 'application/json',
      });
    }
  }
}

/** The stable record behind a subject (subjects are rebuilt on every call; their records are not). */
function recordOf(s: StreamSubject): object {
  return 'request' in s ? s.request : s.watch;
}

/** The frames of a session as a report attachment: per socket, per request, with arrival times. */
function framesRecord(s: StreamSession) {
  return {
    sockets: s.sockets.map((sock) => ({
      id: sock.log.id,
      url: sock.log.url,
      closed: sock.log.closed,
      requests: sock.log.requests.map((r) => ({
        id: r.id,
        intent: r.intent,
        input: r.rawInput,
        token: r.token,
        reference: r.reference,
        end: r.end,
        stopSentAtMs: r.stopSentAtMs,
        frames: r.frames.map((f) => ({
          seq: f.seq,
          atMs: f.receivedAt - r.sentAt,
          attributed: f.attributed,
          frame: f.value ?? f.raw,
          diagnostics: f.diagnostics,
        })),
      })),
      orphans: sock.log.orphans.map((f) => ({
        seq: f.seq,
        at: new Date(f.receivedAt).toISOString(),
        frame: f.value ?? f.raw,
      })),
    })),
    downloads: s.watches.map((w) => ({
      model: w.model,
      end: w.end,
      frames: w.frames.map((f) => ({ atMs: f.receivedAt - w.openedAt, frame: f.value ?? f.raw })),
    })),
  };
}
