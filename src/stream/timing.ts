/** Timing figures of answers (time to first chunk, largest gap, total) and their budgets. */
import { readSetting, type SettingKey } from '../settings/index.js';
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

/** The budgets from PIECES_STREAM_TTFC_MS / _GAP_MS / _TOTAL_MS (unset: no budget). */
export function budgetsFromEnv(env: NodeJS.ProcessEnv = process.env): TimingBudgets {
  return {
    ttfcMs: readSetting('streamTtfcMs', env),
    gapMs: readSetting('streamGapMs', env),
    totalMs: readSetting('streamTotalMs', env),
  };
}

/** The stream suite's millisecond settings. */
export type StreamMsSetting = Extract<SettingKey, `stream${string}Ms`>;

/** A timeout in ms from its setting (PIECES_STREAM_*_MS), or the default. */
export function timeoutFromEnv(key: StreamMsSetting, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  return readSetting(key, env) ?? fallback;
}
