import type { CompatMatrix } from '../types.js';

/** Version of the compat.json layout. */
export const COMPAT_JSON_VERSION = 1;

/** Renders the matrix as JSON (everything: rows, columns, cells, every change per pair). */
export function renderJson(m: CompatMatrix): string {
  return `${JSON.stringify({ formatVersion: COMPAT_JSON_VERSION, ...m }, null, 2)}\n`;
}
