/**
 * A passive view of one `/model/{model}/download/progress` connection: every frame validated on
 * arrival and recorded; the watch is judged by the stream checks when the socket closes (how it
 * ended is judged only when the server ended it or a terminal status came).
 */
import { statusOf } from '../stream/frames.js';
import { DOWNLOAD_TERMINAL, type ProgressWatch, type StreamFrame } from '../stream/types.js';
import type { ValidatorSet } from '../validate/validators.js';
import type { ProxyMonitor } from './monitor.js';

const MESSAGE = '#/components/schemas/ModelDownloadProgress';

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
    const frame: StreamFrame = {
      seq: this.watch.frames.length + 1,
      receivedAt: Date.now(),
      raw: isBinary ? `<binary ${data.length} bytes>` : data.toString(),
    };
    if (isBinary) frame.parseError = 'a binary frame';
    else {
      try {
        frame.value = JSON.parse(frame.raw);
      } catch (err) {
        frame.parseError = String((err as Error).message);
      }
    }
    if (frame.parseError === undefined)
      frame.diagnostics = this.validators.validateAt(MESSAGE, frame.value, 'frame').diagnostics;
    this.watch.frames.push(frame);
    const status = statusOf(frame);
    if (!this.watch.end && status && (DOWNLOAD_TERMINAL as readonly string[]).includes(status)) {
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
      detail: `code ${code}${reason ? ` ${reason}` : ''}`,
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
