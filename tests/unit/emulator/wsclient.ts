/** A small /qgpt/stream client for the emulator's tests: collects frames, waits for conditions. */
import { WebSocket } from 'ws';

/** A connected stream socket and every frame it received. */
export class StreamClient {
  readonly frames: any[] = [];
  closed = false;
  private waiters: Array<() => void> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => {
      const text = d.toString();
      try {
        this.frames.push(JSON.parse(text));
      } catch {
        this.frames.push({ notJson: text });
      }
      this.wake();
    });
    ws.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  /** Opens a socket to `<url>/qgpt/stream`. */
  static open(url: string, headers: Record<string, string> = {}): Promise<StreamClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/qgpt/stream`, { headers });
      const client = new StreamClient(ws);
      ws.once('open', () => resolve(client));
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
    });
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Sends a message (objects as JSON, strings as they are). */
  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Waits until `pred` holds over the frames (or the socket closes, or 5 s pass). */
  async until(pred: (frames: any[]) => boolean, ms = 5000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!pred(this.frames)) {
      if (this.closed) throw new Error(`socket closed; frames: ${JSON.stringify(this.frames).slice(0, 500)}`);
      if (Date.now() > deadline) throw new Error(`timeout; frames: ${JSON.stringify(this.frames).slice(0, 500)}`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 50);
      });
    }
  }

  /** Waits for a terminal frame of a request id. */
  async finished(request: string): Promise<any[]> {
    const terminal = ['COMPLETED', 'FAILED', 'STOPPED', 'CANCELED', 'RESET'];
    await this.until((fs) => fs.some((f) => f.request === request && terminal.includes(f.status)));
    return this.of(request);
  }

  /** The frames of one request id. */
  of(request: string): any[] {
    return this.frames.filter((f) => f.request === request);
  }

  /** The concatenated chunk text of a request's frames. */
  text(request: string): string {
    return this.of(request)
      .filter((f) => f.status === 'IN-PROGRESS')
      .map((f) => f.question.answers.iterable[0].text)
      .join('');
  }

  /** Closes the socket. */
  close(): void {
    this.ws.close();
  }
}
