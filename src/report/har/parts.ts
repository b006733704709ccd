/**
 * The run's HAR, written by many processes: each Playwright worker appends its entries to its own
 * part (one JSON entry per line, synchronous, so a worker that dies loses nothing written), and
 * the suite's global teardown joins the parts into `<reports>/exchanges.har`.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { reportPaths } from '../paths.js';
import { writeHar } from './file.js';
import type { HarEntry } from './types.js';

/** The run's HAR under a reports directory (its name, as src/report/paths.ts gives it). */
export const RUN_HAR = basename(reportPaths('.').har);

/** Where the workers' parts go under a reports directory. */
export const HAR_PARTS_DIR = relative(reportPaths('.').dir, reportPaths('.').harParts);

/** Appends one worker's entries. */
export class HarPartWriter {
  readonly file: string;
  private ready = false;

  constructor(reportsDir: string, worker: string) {
    this.file = join(reportPaths(reportsDir).harParts, `${worker.replace(/[^\w.-]+/g, '_')}.ndjson`);
  }

  write(entry: HarEntry): void {
    if (!this.ready) {
      mkdirSync(join(this.file, '..'), { recursive: true });
      this.ready = true;
    }
    appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
  }
}

/** Removes the parts of an earlier run. */
export function clearHarParts(reportsDir: string): void {
  rmSync(dirname(reportPaths(reportsDir).harParts), { recursive: true, force: true });
}

/** Joins every part into `<reports>/exchanges.har` (an empty HAR when there is none); answers its path. */
export function assembleRunHar(reportsDir: string): string {
  const dir = reportPaths(reportsDir).harParts;
  const entries: HarEntry[] = [];
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ndjson'))) {
      for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          entries.push(JSON.parse(line));
        } catch {
          /* a line cut by a killed worker */
        }
      }
    }
  }
  return writeHar(reportPaths(reportsDir).har, entries);
}
