import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CompatMatrix } from '../types.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';

/** Default output directory of the compat report. */
export const DEFAULT_REPORT_DIR = 'reports/compat';

/** Paths of the written report files. */
export interface WrittenReports {
  /** The self-contained page. */
  html: string;
  /** The Markdown summary. */
  md: string;
  /** The full JSON. */
  json: string;
}

/** Writes index.html, compat.md and compat.json for the matrix into `dir` (created if needed). */
export async function writeCompatReports(
  matrix: CompatMatrix,
  dir: string = DEFAULT_REPORT_DIR,
): Promise<WrittenReports> {
  await mkdir(dir, { recursive: true });
  const out = { html: join(dir, 'index.html'), md: join(dir, 'compat.md'), json: join(dir, 'compat.json') };
  await Promise.all([
    writeFile(out.html, renderHtml(matrix)),
    writeFile(out.md, renderMarkdown(matrix)),
    writeFile(out.json, renderJson(matrix)),
  ]);
  return out;
}
