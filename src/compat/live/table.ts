/** The short text table `pieces-conformance compat` prints: verdict counts per matrix row. */
import type { CompatMatrix, Verdict } from '../types.js';

/** Columns of the table, in order. */
const ORDER: ReadonlyArray<[Verdict, string]> = [
  ['conformant', 'conformant'],
  ['not-conformant', 'not-conformant'],
  ['not-exercised', 'not-exercised'],
  ['breaking', 'breaking'],
  ['warning', 'warning'],
];

/** Verdict counts of one row. */
export function rowCounts(m: CompatMatrix, rowId: string): Record<Verdict, number> {
  const out = Object.fromEntries(ORDER.map(([v]) => [v, 0])) as Record<Verdict, number>;
  for (const c of Object.values(m.cells[rowId] ?? {})) out[c.verdict]++;
  return out;
}

/** The table as lines: one per row, counts right-aligned under their verdict. */
export function countsTable(m: CompatMatrix): string[] {
  const head = ['row', ...ORDER.map(([, h]) => h)];
  const rows = m.rows.map((r) => [r.label, ...ORDER.map(([v]) => String(rowCounts(m, r.id)[v]))]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)];
}
