/**
 * download_progress_terminal: a watched download follows
 * `UNKNOWN? INITIALIZED? IN-PROGRESS* (COMPLETED | FAILED | CANCELED)`, ends with the terminal
 * status the test expects, and nothing follows the terminal frame.
 */
import type { ContractFailure } from '../../core/errors.js';
import { defineCheck } from '../define.js';
import type { ProgressSubject } from '../../stream/types.js';
import { DOWNLOAD_TERMINAL } from '../../stream/types.js';
import { atMs, isDownloadTerminal, statusOf } from '../../stream/frames.js';
import { failOn, isProgress } from './util.js';

const ORDER: Record<string, number> = { UNKNOWN: 0, INITIALIZED: 1, 'IN-PROGRESS': 2 };

/** Judges the sequence of statuses of one download. */
export const downloadProgressTerminal = defineCheck({
  name: 'download_progress_terminal',
  title: 'Download progress does not end properly',
  kind: 'stream',
  severity: 'medium',
  basis: 'upstream',
  why: "Upstream's ModelDownloadProgressStatusEnum ends a download COMPLETED, FAILED or CANCELED.",
  evidence: [
    'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/components/schemas/ModelDownloadProgress',
  ],
  description: `A download's progress frames end with one of ${DOWNLOAD_TERMINAL.join(', ')} (the expected one), and nothing follows it.`,
  applies: (s: ProgressSubject) => isProgress(s),
  run(s: ProgressSubject, _ctx, fail) {
    const w = s.watch;
    const origin = { sentAt: w.openedAt };
    const statuses = w.frames.map(statusOf);
    const t = statuses.findIndex(isDownloadTerminal);
    const out: ContractFailure[] = [];
    let rank = -1;
    statuses.slice(0, t < 0 ? undefined : t).forEach((st, i) => {
      const r = st === undefined ? undefined : ORDER[st];
      if (r === undefined) return; // a status outside the enum is the schema check's business
      if (r < rank || (r === rank && st === 'INITIALIZED'))
        out.push(
          failOn(fail, s, `${st} at +${atMs(origin, w.frames[i]!)} ms (frame ${i + 1}) after ${statuses[i - 1]}`),
        );
      rank = Math.max(rank, r);
    });
    if (t < 0) {
      const last = w.frames.at(-1);
      const pct = (last?.value as any)?.percentage;
      const seen = last
        ? `last ${statusOf(last) ?? 'frame'}${typeof pct === 'number' ? ` ${pct} %` : ''} at +${atMs(origin, last)} ms`
        : 'no frame at all';
      const why =
        w.end?.kind === 'closed'
          ? `socket closed (${w.end.detail ?? 'no code'}) at +${w.end.atMs} ms`
          : last
            ? `the socket went quiet after +${atMs(origin, last)} ms and stayed open without one until the download budget of ${w.timeoutMs} ms ran out`
            : `nothing within the download budget of ${w.timeoutMs} ms`;
      out.push(failOn(fail, s, `no terminal status: ${why} (${w.frames.length} frames, ${seen})`));
      return out;
    }
    const terminal = statuses[t]!;
    if (w.expectTerminal && terminal !== w.expectTerminal) {
      out.push(
        failOn(
          fail,
          s,
          `download ended ${terminal} at +${atMs(origin, w.frames[t]!)} ms; expected ${w.expectTerminal}`,
        ),
      );
    }
    const after = w.frames.slice(t + 1);
    if (after.length > 0)
      out.push(
        failOn(
          fail,
          s,
          `frame after terminal ${terminal} (${statusOf(after[0]!) ?? 'no status'} at +${atMs(origin, after[0]!)} ms)`,
        ),
      );
    return out;
  },
});

export default downloadProgressTerminal;
