/**
 * A HAR kept in memory by one long-lived process (the validation proxy): exchanges as they end,
 * WebSockets while they are open (their messages appended as they pass) and once they close.
 * `write` puts everything seen so far into a file, open sockets included.
 */
import type { Exchange } from '../../core/types.js';
import { entryOfExchange, entryOfWebSocket, type WebSocketRecord } from './entries.js';
import { writeHar } from './file.js';
import type { HarEntry } from './types.js';

export class HarRecorder {
  private readonly entries: HarEntry[] = [];
  private readonly open = new Set<WebSocketRecord>();

  /** Records an exchange that has ended (answered or failed). */
  exchange(ex: Exchange): void {
    this.entries.push(entryOfExchange(ex));
  }

  /** Starts recording a WebSocket; push its messages into `record.messages` as they pass. */
  openSocket(record: WebSocketRecord): WebSocketRecord {
    this.open.add(record);
    return record;
  }

  /** The socket closed: its entry is final. */
  closeSocket(record: WebSocketRecord, at = Date.now()): void {
    if (!this.open.delete(record)) return;
    record.closedAt = at;
    this.entries.push(entryOfWebSocket(record));
  }

  /** How many entries there are so far (open sockets included). */
  get size(): number {
    return this.entries.length + this.open.size;
  }

  /** Writes everything seen so far to `file`; answers its path. */
  write(file: string): string {
    return writeHar(file, [...this.entries, ...[...this.open].map((r) => entryOfWebSocket(r))]);
  }
}
