/**
 * A watch of `/model/{model}/download/progress`: validates and records every frame until a
 * terminal status (COMPLETED, FAILED, CANCELED), the timeout, or the socket's close.
 */
import type WebSocket from 'ws';
import type { ValidatorSet } from '../validate/validators.js';
import { closeDetail, isDownloadTerminal, readFrame, statusOf } from './frames.js';
import { connect } from './socket.js';
import type { ProgressWatch, RequestEnd } from './types.js';

/** A running watch: its record, and a promise for its end (never rejects). */
export interface ProgressHandle {
  watch: ProgressWatch;
  done: Promise<ProgressWatch>;
  /** Closes the socket now (the watch ends `closed` if it had not ended). */
  close(): Promise<void>;
}

/** What a watch needs besides the URL. */
export interface WatchOptions {
  timeoutMs: number;
  connectMs: number;
  expectTerminal?: string;
  validators?: ValidatorSet;
  /** How long to keep listening after the terminal frame, to see frames that must not come. */
  settleMs?: number;
}

/** Opens the progress socket of one model and watches it; resolves once the socket is open. */
export async function watchDownload(url: string, model: string, options: WatchOptions): Promise<ProgressHandle> {
  const watch: ProgressWatch = {
    model,
    url,
    openedAt: Date.now(),
    frames: [],
    expectTerminal: options.expectTerminal,
    timeoutMs: options.timeoutMs,
  };
  let resolve!: (w: ProgressWatch) => void;
  const done = new Promise<ProgressWatch>((r) => (resolve = r));
  const timers: NodeJS.Timeout[] = [];
  let ws: WebSocket | undefined;
  const finish = (end: RequestEnd, closeAfterMs?: number) => {
    if (watch.end) return;
    watch.end = end;
    for (const t of timers) clearTimeout(t);
    if (closeAfterMs === undefined) {
      resolve(watch);
      return;
    }
    setTimeout(() => {
      ws?.close(1000);
      resolve(watch);
    }, closeAfterMs);
  };
  // The server speaks first, and its first frames may come with the upgrade response itself:
  // the listeners attach inside `open`, before `ws` can emit them.
  await connect(url, options.connectMs, {}, (socket) => {
    ws = socket;
    watch.openedAt = Date.now();
    socket.on('message', (data) => record(watch, data.toString(), options, finish));
    socket.on('error', () => undefined);
    socket.on('close', (code, reason) =>
      finish({
        kind: 'closed',
        atMs: Date.now() - watch.openedAt,
        detail: closeDetail(code, reason.toString()),
      }),
    );
    timers.push(
      setTimeout(() => {
        finish({ kind: 'timeout', atMs: Date.now() - watch.openedAt });
        socket.terminate();
      }, options.timeoutMs),
    );
  });
  return {
    watch,
    done,
    async close() {
      finish({ kind: 'closed', atMs: Date.now() - watch.openedAt, detail: 'closed by the harness' });
      ws?.close(1000);
    },
  };
}

/** Validates and records one frame; a terminal status ends the watch after `settleMs`. */
function record(
  watch: ProgressWatch,
  raw: string,
  options: WatchOptions,
  finish: (end: RequestEnd, closeAfterMs?: number) => void,
): void {
  const frame = readFrame(raw, {
    seq: watch.frames.length + 1,
    channel: 'modelDownloadProgress',
    validators: options.validators,
  });
  watch.frames.push(frame);
  if (!watch.end && isDownloadTerminal(statusOf(frame))) {
    finish({ kind: 'terminal', atMs: frame.receivedAt - watch.openedAt }, options.settleMs ?? 100);
  }
}
