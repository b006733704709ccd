import type { Change, CompatMatrix, PairChanges } from '../types.js';
import { escapeMd as e, markOf, pairLabel, rowTally, VERDICTS } from './text.js';

/** How many breaking / warning changes per pair the Markdown lists before pointing at compat.json. */
export const MD_LIST_LIMIT = 40;

function listChanges(title: string, list: Change[], limit: number): string[] {
  if (!list.length) return [];
  const out = [`**${title}** (${list.length})`, ''];
  for (const c of list.slice(0, limit)) out.push(`- \`${e(c.operation)}\` ${e(c.message)} _(${c.rule})_`);
  if (list.length > limit) out.push(`- … ${list.length - limit} more in compat.json`);
  out.push('');
  return out;
}

function pairSection(m: CompatMatrix, p: PairChanges, limit: number): string[] {
  const out = [
    `### ${e(pairLabel(m, p))}`,
    '',
    `${p.counts.breaking} breaking, ${p.counts.warning} warning, ${p.counts['non-breaking']} non-breaking.`,
    '',
  ];
  const byRule = new Map<string, { severity: string; n: number }>();
  for (const c of p.changes) {
    const k = `${c.rule} (${c.severity})`;
    byRule.set(k, { severity: c.severity, n: (byRule.get(k)?.n ?? 0) + 1 });
  }
  if (byRule.size) {
    out.push('| Rule | Changes |', '|---|---:|', ...[...byRule].map(([k, v]) => `| ${e(k)} | ${v.n} |`), '');
  }
  const known = new Map<string, string>();
  for (const c of p.changes) if (c.known && !known.has(c.operation)) known.set(c.operation, c.known);
  if (known.size) {
    out.push('**Known differences**', '');
    for (const [op, note] of known) out.push(`- \`${e(op)}\`: ${e(note)}`);
    out.push('');
  }
  out.push(
    ...listChanges(
      'Breaking',
      p.changes.filter((c) => c.severity === 'breaking'),
      limit,
    ),
  );
  out.push(
    ...listChanges(
      'Warnings',
      p.changes.filter((c) => c.severity === 'warning'),
      limit,
    ),
  );
  return out;
}

/** Renders the matrix as Markdown: operations x versions (transposed to fit), reasons, and the changes per pair. */
export function renderMarkdown(m: CompatMatrix, limit = MD_LIST_LIMIT): string {
  const baseline = m.rows.find((r) => r.id === m.baseline)?.label ?? m.baseline;
  const out = [
    '# Pieces OS compatibility report',
    '',
    `Generated ${m.generatedAt}. Static verdicts compare each version with **${e(baseline)}**${m.target ? `; live target ${e(m.target)}` : ''}.`,
    '',
    ...VERDICTS.map((v) => `- ${v.mark} **${v.verdict}**: ${e(v.meaning)}`),
    '',
    '## Matrix',
    '',
    'One row per operation, one column per version (the HTML page shows it the other way round).',
    '',
    `| Operation | ${m.rows.map((r) => e(r.label)).join(' | ')} |`,
    `|---|${m.rows.map(() => ':---:').join('|')}|`,
  ];
  for (const c of m.columns) {
    const marks = m.rows.map((r) => {
      const cell = m.cells[r.id]?.[c.key];
      return cell ? `${markOf(cell.verdict)} ${cell.verdict}` : '';
    });
    out.push(`| \`${e(c.operation)}\` ${e(`${c.method} ${c.path}`)} | ${marks.join(' | ')} |`);
  }
  out.push('', '## Reasons', '');
  for (const r of m.rows) {
    out.push(
      `### ${e(r.label)}`,
      '',
      `${r.detail ? `${e(r.detail.replace(/\.\s*$/, ''))}. ` : ''}${rowTally(m, r.id)}.`,
      '',
    );
    for (const c of m.columns) {
      const cell = m.cells[r.id]?.[c.key];
      if (!cell || (cell.verdict === 'conformant' && !cell.static) || !cell.reason) continue;
      out.push(
        `- \`${e(c.operation)}\` **${cell.verdict}**: ${e(cell.reason)}${cell.static ? ` _(static: ${cell.static.verdict})_` : ''}`,
      );
    }
    out.push('');
  }
  out.push(
    '## Static changes per pair',
    '',
    '| Pair (old → new) | Breaking | Warning | Non-breaking |',
    '|---|---:|---:|---:|',
  );
  for (const p of m.pairs)
    out.push(`| ${e(pairLabel(m, p))} | ${p.counts.breaking} | ${p.counts.warning} | ${p.counts['non-breaking']} |`);
  out.push('');
  for (const p of m.pairs) out.push(...pairSection(m, p, limit));
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
