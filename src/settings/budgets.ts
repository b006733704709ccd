/**
 * Time budgets by operation class, and the test timeouts derived from them (never the other way
 * round). A budget bounds a wait; a passing run waits only as long as the target takes.
 *
 * Two paces. `instant`: the embedded emulator with its instant profile, which answers in a
 * millisecond, indexes at once and answers deterministically: small budgets, so that a planted
 * bug (a stream that never ends) fails within seconds. `live`: any other target, and the
 * embedded emulator with `--profile realistic`: budgets that fit a real Pieces OS on a laptop:
 *
 * - REST 10 s: reads and writes of a local database answer in milliseconds; 10 s leaves room for
 *   a busy laptop (indexing, a model loading) without hiding a hang.
 * - LLM REST 120 s (question, relevance with a question, reprompt): the whole answer of a local
 *   LLM in one response; seconds to the first token, tens of seconds per answer, more on a CPU.
 * - first frame 60 s: a local model may have to load (tens of seconds) before its first token.
 * - answer 180 s: first frame plus a long answer at a few tokens a second on a CPU build.
 * - idle 30 s: the longest silence inside an answer (a CPU model can pause between tokens).
 * - download 30 min: models are 2–8 GB; 30 min is ~4 MB/s for the largest.
 * - load 120 s: reading gigabytes into (V)RAM; a cold disk takes a minute or two.
 * - consistency 5 s: "created, so found" may wait for an asynchronous search index.
 * - 3 concurrent streams: a local LLM answers few questions at once; more only queue up.
 */
import type { Settings } from './catalogue.js';

/** How fast the target is expected to answer. */
export type Pace = 'instant' | 'live';

/** The budgets, in ms (and the concurrency bound of streamed questions). */
export interface TimeBudgets {
  pace: Pace;
  /** REST reads and writes. */
  restMs: number;
  /** LLM-backed REST: qgptQuestion, qgptReprompt, qgptRelevance with options.question. */
  llmMs: number;
  /** WebSocket connect. */
  connectMs: number;
  /** From sending a streamed question to its first frame. */
  firstFrameMs: number;
  /** From sending a streamed question to its terminal frame. */
  answerMs: number;
  /** The longest silence inside a streamed answer after its first frame. */
  idleMs: number;
  /** A model download, start to COMPLETED. */
  downloadMs: number;
  /** A model load. */
  loadMs: number;
  /** "Created, so it is found/listed" and "deleted, so it is gone": the bounded wait before failing. */
  consistencyMs: number;
  /** Streamed questions in flight at once. */
  streamConcurrency: number;
  /** Relevance judges "the expected asset within the first k" (1 on a deterministic target). */
  rankWithin: number;
  /** Exact text expectations on generated answers hold (the instant emulator, or declared). */
  deterministic: boolean;
}

const INSTANT = {
  restMs: 10_000,
  llmMs: 10_000,
  connectMs: 5_000,
  firstFrameMs: 3_000,
  answerMs: 10_000,
  idleMs: 3_000,
  downloadMs: 10_000,
  loadMs: 10_000,
  consistencyMs: 0,
  streamConcurrency: 20,
  rankWithin: 1,
} as const;

const LIVE = {
  restMs: 10_000,
  llmMs: 120_000,
  connectMs: 5_000,
  firstFrameMs: 60_000,
  answerMs: 180_000,
  idleMs: 30_000,
  downloadMs: 30 * 60_000,
  loadMs: 120_000,
  consistencyMs: 5_000,
  streamConcurrency: 3,
  rankWithin: 3,
} as const;

/** The defaults of each pace, for the settings' docs. */
export const BUDGET_DEFAULTS = { instant: INSTANT, live: LIVE } as const;

/** The settings the budgets read. */
type BudgetSettings = Pick<
  Settings,
  | 'target'
  | 'emulatorProfile'
  | 'timeoutMs'
  | 'timeoutLlmMs'
  | 'streamConnectMs'
  | 'timeoutFirstFrameMs'
  | 'timeoutAnswerMs'
  | 'streamIdleMs'
  | 'timeoutDownloadMs'
  | 'timeoutLoadMs'
  | 'consistencyMs'
  | 'streamConcurrency'
  | 'rankWithin'
  | 'streamDeterministic'
>;

/** instant: the embedded emulator with its instant profile; live: a live target or the realistic profile. */
export function paceOf(s: Pick<Settings, 'target' | 'emulatorProfile'>): Pace {
  return !s.target && s.emulatorProfile === 'instant' ? 'instant' : 'live';
}

/** The budgets of a run: each setting, else its pace's default. */
export function timeBudgets(s: BudgetSettings): TimeBudgets {
  const pace = paceOf(s);
  const d = pace === 'instant' ? INSTANT : LIVE;
  const deterministic = pace === 'instant' || (!!s.target && s.streamDeterministic);
  return {
    pace,
    restMs: s.timeoutMs ?? d.restMs,
    llmMs: s.timeoutLlmMs ?? d.llmMs,
    connectMs: s.streamConnectMs ?? d.connectMs,
    firstFrameMs: s.timeoutFirstFrameMs ?? d.firstFrameMs,
    answerMs: s.timeoutAnswerMs ?? d.answerMs,
    idleMs: s.streamIdleMs ?? d.idleMs,
    downloadMs: s.timeoutDownloadMs ?? d.downloadMs,
    loadMs: s.timeoutLoadMs ?? d.loadMs,
    consistencyMs: s.consistencyMs ?? d.consistencyMs,
    streamConcurrency: s.streamConcurrency ?? d.streamConcurrency,
    rankWithin: deterministic ? 1 : (s.rankWithin ?? d.rankWithin),
    deterministic,
  };
}

/** The operations answered by the LLM over REST (relevance only when it also answers the question). */
export function llmBacked(operationId: string | undefined, body: unknown): boolean {
  if (operationId === 'qgptQuestion' || operationId === 'qgptReprompt') return true;
  return operationId === 'qgptRelevance' && (body as any)?.options?.question === true;
}

/** The REST timeout of one request: LLM-backed ones get the LLM budget, model loads the load budget. */
export function restTimeoutOf(b: TimeBudgets, operationId: string | undefined, body: unknown): number {
  if (llmBacked(operationId, body)) return b.llmMs;
  if (operationId === 'loadModel') return b.loadMs;
  return b.restMs;
}

/** Playwright's per-test timeout: a test of a few REST calls, two LLM answers and one streamed answer. */
export function testTimeoutMs(b: TimeBudgets): number {
  return Math.max(60_000, 6 * b.restMs + 2 * b.llmMs + b.connectMs + b.answerMs);
}

/**
 * A stream test's timeout: `answers` streamed answers `inSequence` deep (answers in flight at once
 * count once per wave of `streamConcurrency`), each with its REST twin on a deterministic target.
 */
export function streamTestTimeoutMs(b: TimeBudgets, answers: number, opts: { sequential?: boolean } = {}): number {
  const waves = opts.sequential ? answers : Math.ceil(answers / Math.max(1, b.streamConcurrency));
  return testTimeoutMs(b) + waves * (b.answerMs + (b.deterministic ? b.llmMs : 0));
}

/** A model test's timeout: `downloads` downloads and `loads` loads one after the other, on top of a test. */
export function modelTestTimeoutMs(b: TimeBudgets, downloads: number, loads = 0): number {
  return testTimeoutMs(b) + downloads * b.downloadMs + loads * b.loadMs;
}

/** The budgets as one line for the report header. */
export function budgetLine(b: TimeBudgets): string {
  const s = (ms: number) => (ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000} min` : `${ms / 1000} s`);
  return [
    `REST ${s(b.restMs)}`,
    `LLM REST ${s(b.llmMs)}`,
    `first frame ${s(b.firstFrameMs)}`,
    `answer ${s(b.answerMs)}`,
    `idle ${s(b.idleMs)}`,
    `download ${s(b.downloadMs)}`,
    `load ${s(b.loadMs)}`,
    `consistency ${s(b.consistencyMs)}`,
    `${b.streamConcurrency} concurrent streams`,
    `relevance within top ${b.rankWithin}`,
    b.deterministic ? 'deterministic answers' : 'answers not compared verbatim',
  ].join(', ');
}
