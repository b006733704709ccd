/**
 * Writing a HAR file and reading one back. The reader checks the HAR 1.2 structure first and
 * answers every entry in order, each as an Exchange (REST) or a WebSocketRecord (an upgrade with
 * its messages); a file that is not HAR is a usage error naming the file and what is wrong.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { HarnessError } from '../../core/errors.js';
import type { Exchange } from '../../core/types.js';
import { exchangeOfEntry, isWebSocketEntry, webSocketOfEntry, type WebSocketRecord } from './entries.js';
import { harProblems } from './structure.js';
import type { Har, HarEntry } from './types.js';

/** Who wrote the HAR (`log.creator`). */
export const HAR_CREATOR = { name: 'pieces-os-conformance', version: '1' };

/** A HAR 1.2 document of the entries, in the order they started. */
export function harDocument(entries: readonly HarEntry[], comment?: string): Har {
  const sorted = [...entries].sort((a, b) => Date.parse(a.startedDateTime) - Date.parse(b.startedDateTime));
  return { log: { version: '1.2', creator: HAR_CREATOR, entries: sorted, ...(comment ? { comment } : {}) } };
}

/** Writes the HAR (through a temporary file, so a reader never sees half of it); answers the path. */
export function writeHar(file: string, entries: readonly HarEntry[], comment?: string): string {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.${process.pid}.tmp`, `${JSON.stringify(harDocument(entries, comment), null, 1)}\n`);
  renameSync(`${file}.${process.pid}.tmp`, file);
  return file;
}

/** One entry of a HAR read back, in file order. */
export type HarItem =
  | { kind: 'rest'; index: number; entry: HarEntry; exchange: Exchange }
  | { kind: 'websocket'; index: number; entry: HarEntry; socket: WebSocketRecord };

/** A HAR read back. */
export interface HarRead {
  har: Har;
  items: HarItem[];
}

/** Reads and checks a HAR file; a missing file, bad JSON or a departure from HAR 1.2 is a usage error. */
export function readHar(file: string): HarRead {
  if (!existsSync(file))
    throw new HarnessError(
      'usage',
      `${file}: no such HAR file`,
      'record one with: pieces-conformance proxy --har FILE',
    );
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new HarnessError('usage', `${file}: not JSON (${(err as Error).message})`, 'pass a HAR 1.2 file');
  }
  return { har: doc as Har, items: harItems(doc, file) };
}

/** The entries of a HAR document (checked against HAR 1.2), as exchanges and WebSocket records. */
export function harItems(doc: unknown, name = 'HAR'): HarItem[] {
  const problems = harProblems(doc);
  if (problems.length)
    throw new HarnessError(
      'usage',
      `${name}: not HAR 1.2: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`,
      'pass a HAR 1.2 file (e.g. written by pieces-conformance proxy --har, or exported from a browser)',
    );
  return (doc as Har).log.entries.map((entry, index) =>
    isWebSocketEntry(entry)
      ? { kind: 'websocket' as const, index, entry, socket: webSocketOfEntry(entry) }
      : { kind: 'rest' as const, index, entry, exchange: exchangeOfEntry(entry, `har-${index}`) },
  );
}
