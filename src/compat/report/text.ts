import type { CompatMatrix, MatrixCell, PairChanges, Verdict } from '../types.js';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Escapes text for a Markdown table cell (pipes, line breaks, raw HTML). */
export function escapeMd(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s*\n\s*/g, ' ');
}

/** Verdicts in legend order, with a one-character mark and a meaning. */
export const VERDICTS: ReadonlyArray<{ verdict: Verdict; mark: string; meaning: string }> = [
  {
    verdict: 'conformant',
    mark: '✓',
    meaning: 'conformant (live), or no client-affecting difference from the baseline (static)',
  },
  {
    verdict: 'warning',
    mark: '!',
    meaning: 'static: differences that can break strict clients (new statuses, widened enums, ...)',
  },
  { verdict: 'breaking', mark: 'B', meaning: 'static: breaking differences from the baseline contract' },
  {
    verdict: 'not-conformant',
    mark: '✗',
    meaning: "live: the target broke this version's contract (first diagnostic shown)",
  },
  { verdict: 'not-exercised', mark: '–', meaning: 'not in this version, or no exchange / SDK call for it' },
];

/** The one-character mark of a verdict. */
export function markOf(verdict: Verdict): string {
  return VERDICTS.find((v) => v.verdict === verdict)?.mark ?? '?';
}

/** One line describing a cell: verdict, reason and any static verdict it replaced. */
export function describeCell(cell: MatrixCell): string {
  const main = cell.reason ? `${cell.verdict}: ${cell.reason}` : cell.verdict;
  return cell.static
    ? `${main} [static: ${cell.static.verdict}${cell.static.reason ? ` - ${cell.static.reason}` : ''}]`
    : main;
}

/** Counts the verdicts of one row. */
export function rowTally(matrix: CompatMatrix, rowId: string): string {
  const counts = new Map<Verdict, number>();
  for (const c of Object.values(matrix.cells[rowId] ?? {})) counts.set(c.verdict, (counts.get(c.verdict) ?? 0) + 1);
  return VERDICTS.filter((v) => counts.has(v.verdict))
    .map((v) => `${counts.get(v.verdict)} ${v.verdict}`)
    .join(', ');
}

/** Label of a pair, `from -> to`, using row labels when known. */
export function pairLabel(matrix: CompatMatrix, pair: PairChanges): string {
  const label = (id: string): string => matrix.rows.find((r) => r.id === id)?.label ?? id;
  return `${label(pair.from)} → ${label(pair.to)}`;
}
