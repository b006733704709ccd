import type { CompatMatrix, Severity } from '../types.js';
import { HTML_STYLE } from './html-style.js';
import { describeCell, escapeHtml as h, markOf, pairLabel, rowTally, VERDICTS } from './text.js';

const SEVERITY_CLASS: Record<Severity, string> = {
  breaking: 'v-breaking',
  warning: 'v-warning',
  'non-breaking': 'v-conformant',
};

function matrixTable(m: CompatMatrix): string {
  const head = m.columns
    .map((c) => `<th class="op" scope="col" title="${h(`${c.method} ${c.path}`)}"><span>${h(c.operation)}</span></th>`)
    .join('');
  const body = m.rows
    .map((r, ri) => {
      const cells = m.columns
        .map((c, ci) => {
          const cell = m.cells[r.id]?.[c.key] ?? { verdict: 'not-exercised' as const };
          const tip = `${r.label} × ${c.operation} (${c.method} ${c.path}) — ${describeCell(cell)}`;
          return `<td class="v-${cell.verdict}" data-verdict="${cell.verdict}" title="${h(tip)}"><a href="#cell-${ri}-${ci}">${markOf(cell.verdict)}</a></td>`;
        })
        .join('');
      return `<tr data-row="${h(r.id)}" data-kind="${r.kind}"><th scope="row" title="${h(r.detail ?? r.label)}">${h(r.label)}</th>${cells}</tr>`;
    })
    .join('\n');
  return `<div class="scroll"><table class="matrix" id="compat-matrix">\n<thead><tr><th scope="col">Version \\ operation</th>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table></div>`;
}

function cellDetails(m: CompatMatrix): string {
  return m.rows
    .map((r, ri) => {
      const rows = m.columns
        .map((c, ci) => {
          const cell = m.cells[r.id]?.[c.key] ?? { verdict: 'not-exercised' as const };
          const stat = cell.static
            ? `<br><small>static: ${h(cell.static.verdict)}${cell.static.reason ? ` — ${h(cell.static.reason)}` : ''}</small>`
            : '';
          return (
            `<tr id="cell-${ri}-${ci}"><td><code>${h(c.operation)}</code><br><small>${h(`${c.method} ${c.path}`)}</small></td>` +
            `<td class="verdict"><span class="swatch v-${cell.verdict}">${markOf(cell.verdict)}</span> ${h(cell.verdict)}</td>` +
            `<td>${h(cell.reason ?? '')}${stat}</td></tr>`
          );
        })
        .join('\n');
      return (
        `<details id="row-${ri}"><summary>${h(r.label)} <small>(${h(rowTally(m, r.id))})</small></summary>` +
        `${r.detail ? `<p>${h(r.detail)}</p>` : ''}<table class="list"><thead><tr><th>Operation</th><th>Verdict</th><th>Reason</th></tr></thead>\n<tbody>\n${rows}\n</tbody></table></details>`
      );
    })
    .join('\n');
}

function pairSections(m: CompatMatrix): string {
  const counts = m.pairs
    .map(
      (p, i) =>
        `<tr><td><a href="#pair-${i}">${h(pairLabel(m, p))}</a></td>` +
        `<td class="n">${p.counts.breaking}</td><td class="n">${p.counts.warning}</td><td class="n">${p.counts['non-breaking']}</td></tr>`,
    )
    .join('\n');
  const sections = m.pairs
    .map((p, i) => {
      const rows = p.changes
        .map(
          (c) =>
            `<tr><td><span class="swatch ${SEVERITY_CLASS[c.severity]}" title="${c.severity}">${c.severity[0].toUpperCase()}</span></td>` +
            `<td>${h(c.rule)}</td><td><code>${h(c.operation)}</code></td><td>${h(c.message)}` +
            `${c.known ? `<br><span class="known">Known difference: ${h(c.known)}</span>` : ''}<br><code>${h(c.location)}</code></td></tr>`,
        )
        .join('\n');
      return (
        `<details id="pair-${i}"><summary>${h(pairLabel(m, p))}: ${p.counts.breaking} breaking, ${p.counts.warning} warning, ` +
        `${p.counts['non-breaking']} non-breaking</summary>\n<table class="list"><thead><tr><th></th><th>Rule</th><th>Operation</th>` +
        `<th>Change</th></tr></thead>\n<tbody>\n${rows}\n</tbody></table></details>`
      );
    })
    .join('\n');
  return (
    `<table class="list counts" id="pair-counts"><thead><tr><th>Pair (old → new)</th><th>Breaking</th><th>Warning</th>` +
    `<th>Non-breaking</th></tr></thead>\n<tbody>\n${counts}\n</tbody></table>\n${sections}`
  );
}

/** Renders the matrix as a self-contained HTML page: the table, per-cell details and the static changes per pair. */
export function renderHtml(m: CompatMatrix, title = 'Pieces OS compatibility report'): string {
  const baseline = m.rows.find((r) => r.id === m.baseline)?.label ?? m.baseline;
  const legend = VERDICTS.map(
    (v) => `<li><span class="swatch v-${v.verdict}">${v.mark}</span> <b>${v.verdict}</b> — ${h(v.meaning)}</li>`,
  ).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<h1>${h(title)}</h1>
<p class="meta">Generated ${h(m.generatedAt)} · static verdicts compare each version with <b>${h(baseline)}</b>${m.target ? ` · live target ${h(m.target)}` : ''}
 · ${m.rows.length} rows × ${m.columns.length} operations</p>
<ul class="legend">${legend}</ul>
<section id="matrix">
${matrixTable(m)}
</section>
<section id="details">
<h2>Details per version</h2>
${cellDetails(m)}
</section>
<section id="changes">
<h2>Static changes per pair</h2>
${pairSections(m)}
</section>
</body>
</html>
`;
}
