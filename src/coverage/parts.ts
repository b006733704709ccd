/**
 * Coverage parts: each worker writes what its ledger saw to its own file
 * (`<dir>/<project>-<worker>-<pid>.json`), and the gate merges every part of the run. Stream tests
 * and other projects write parts in the same format; a part is plain JSON so anything can add one.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError } from '../core/errors.js';
import { CoverageLedger, type CoverageHit } from './ledger.js';

/** One worker's coverage file. */
export interface CoveragePart {
  version: 1;
  /** The Playwright project (suite) the worker ran: contract, stream, property. */
  project: string;
  /** A unique name of the writer, e.g. `contract-w0-12345`. */
  worker: string;
  writtenAt: string;
  entries: Array<CoverageHit & { count: number }>;
}

/** Writes (atomically replaces) one worker's part. */
export function writePart(dir: string, part: Omit<CoveragePart, 'version' | 'writtenAt'>): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${part.worker.replace(/[^A-Za-z0-9_.-]/g, '_')}.json`);
  const full: CoveragePart = { version: 1, writtenAt: new Date().toISOString(), ...part };
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(full));
  renameSync(tmp, file);
  return file;
}

/** Every part in a directory (none when it does not exist); an unreadable part is a harness error naming the file. */
export function readParts(dir: string): CoveragePart[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      try {
        const part = JSON.parse(readFileSync(file, 'utf8')) as CoveragePart;
        if (part.version !== 1 || !Array.isArray(part.entries)) throw new Error('not a version-1 coverage part');
        return part;
      } catch (err: any) {
        throw new HarnessError(
          'internal',
          `${file}: unreadable coverage part: ${String(err?.message ?? err).split('\n')[0]}`,
        );
      }
    });
}

/** One ledger holding every part's entries, and the projects that wrote parts. */
export function mergeParts(parts: readonly CoveragePart[]): { ledger: CoverageLedger; projects: string[] } {
  const ledger = new CoverageLedger();
  for (const p of parts) ledger.merge(p.entries);
  return { ledger, projects: [...new Set(parts.map((p) => p.project))].sort() };
}

/** Removes the parts of an earlier run. */
export function clearParts(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
