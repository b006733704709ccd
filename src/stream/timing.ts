/** Timing figures of answers (time to first chunk, largest gap, total) and their budgets. */
import { HarnessError } from '../core/errors.js';
import type { AnswerTimings, StreamRequest, TimingBudgets } from './types.js';
import { answerFrames, atMs, chunkOf, terminalStatusOf } from './frames.js';

/** The timing figures of one answer, in ms since its request was sent. */
export function answerTimings(req: StreamRequest): AnswerTimings {
  const frames = answerFrames(req);
  const times = frames.map((f) => atMs(req, f));
  const first = frames.findIndex((f) => chunkOf(f).length > 0);
  let maxGapMs: number | undefined;
  if (first >= 0) {
    for (let i = first + 1; i < times.length; i++) maxGapMs = Math.max(maxGapMs ?? 0, times[i]! - times[i - 1]!);
  }
  return {
    request: req.id,
    frames: req.frames.length,
    chunks: frames.filter((f) => chunkOf(f).length > 0).length,
    ttfcMs: first >= 0 ? times[first] : undefined,
    maxGapMs,
    totalMs: terminalStatusOf(req) !== undefined ? times.at(-1) : req.end?.atMs,
    terminal: terminalStatusOf(req),
  };
}

/** One line over many answers: `5 answers: ttfc p50 12 ms / max 30 ms, gap max 8 ms, total max 90 ms`. */
export function timingLine(all: readonly AnswerTimings[]): string {
  const pick = (k: 'ttfcMs' | 'maxGapMs' | 'totalMs') =>
    all
      .map((t) => t[k])
      .filter((v): v is number => v !== undefined)
      .sort((a, b) => a - b);
  const ttfc = pick('ttfcMs');
  const gap = pick('maxGapMs');
  const total = pick('totalMs');
  const p50 = (xs: number[]) => xs[Math.floor((xs.length - 1) / 2)];
  const part = (name: string, xs: number[], median: boolean) =>
    xs.length === 0 ? `${name} -` : `${name} ${median ? `p50 ${p50(xs)} ms / ` : ''}max ${xs.at(-1)} ms`;
  return `${all.length} answer${all.length === 1 ? '' : 's'}: ${part('ttfc', ttfc, true)}, ${part('gap', gap, false)}, ${part('total', total, true)}`;
}

function envMs(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0)
    throw new HarnessError(
      'config',
      `${name}=${raw} is not a positive number of milliseconds`,
      `e.g. ${name}=2000, or unset it`,
    );
  return n;
}

/** The budgets from PIECES_STREAM_TTFC_MS / _GAP_MS / _TOTAL_MS (unset: no budget). */
export function budgetsFromEnv(env: NodeJS.ProcessEnv = process.env): TimingBudgets {
  return {
    ttfcMs: envMs(env, 'PIECES_STREAM_TTFC_MS'),
    gapMs: envMs(env, 'PIECES_STREAM_GAP_MS'),
    totalMs: envMs(env, 'PIECES_STREAM_TOTAL_MS'),
  };
}

/** A timeout in ms from the environment, or the default. */
export function timeoutFromEnv(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  return envMs(env, name) ?? fallback;
}
