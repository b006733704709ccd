/**
 * A passive view of one `/model/{model}/download/progress` connection: every frame validated on
 * arrival and recorded; the watch is judged by the stream checks when the socket closes (how it
 * ended is judged only when the server ended it or a terminal status came).
 */
import { closeDetail, isDownloadTerminal, messageText, readFrame, statusOf } from '../stream/frames.js';
import type { ProgressWatch } from '../stream/types.js';
import type { ValidatorSet } from '../validate/validators.js';
import type { ProxyMonitor } from './monitor.js';

/** One proxied progress socket. */
export class ProgressTap {
  readonly watch: ProgressWatch;
  private judged = false;

  constructor(
    model: string,
    url: string,
    private readonly validators: ValidatorSet,
    private readonly monitor: ProxyMonitor,
  ) {
    this.watch = { model, url, openedAt: Date.now(), frames: [], timeoutMs: 0 };
  }

  /** A frame the server pushed (already forwarded). */
  fromServer(data: Buffer | string, isBinary: boolean): void {
    this.monitor.frames++;
    const frame = readFrame(messageText(data, isBinary), {
      seq: this.watch.frames.length + 1,
      channel: 'modelDownloadProgress',
      validators: this.validators,
      binary: isBinary,
    });
    this.watch.frames.push(frame);
    if (!this.watch.end && isDownloadTerminal(statusOf(frame))) {
      this.watch.end = { kind: 'terminal', atMs: frame.receivedAt - this.watch.openedAt };
    }
  }

  /** The socket closed: judge the watch (a client that left before the end cut it short). */
  closed(code: number, reason: string, byClient: boolean): void {
    if (this.judged) return;
    this.judged = true;
    const ended = this.watch.end !== undefined;
    this.watch.end ??= {
      kind: 'closed',
      atMs: Date.now() - this.watch.openedAt,
      detail: closeDetail(code, reason),
    };
    this.monitor.judgeStream(
      { channel: 'modelDownloadProgress', watch: this.watch },
      {
        cutShort: byClient && !ended,
        durationMs: this.watch.end.atMs,
        label: `progress of model ${this.watch.model}`,
      },
    );
  }
}
