/** Writing the coverage reports: `coverage.json` (the summary as data) and `coverage.md` (a table). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { reportPaths } from '../report/paths.js';
import type { CoverageSummary, OperationCoverage } from './gate.js';

/** A status list for the table: 0 reads as "no response". */
function statuses(list: number[]): string {
  return list.map((s) => (s === 0 ? 'no response' : String(s))).join(', ') || '—';
}

/** The state column of a row. */
function state(r: OperationCoverage): string {
  if (r.exercised) return r.failed.length ? '✗ failed' : r.refusalsOnly ? '⚠ refusals only' : '✓';
  return r.required ? '✗ never exercised' : '– suite not run';
}

/** The markdown report: summary line, then one row per operation. */
export function coverageMarkdown(s: CoverageSummary, meta: { target?: string; contract?: string } = {}): string {
  const lines = [
    '# Contract coverage',
    '',
    `**${s.line}**${s.passed ? '' : ` — never exercised: ${s.missing.join(', ')}`}`,
    '',
  ];
  if (meta.target || meta.contract)
    lines.push(
      `Target: ${meta.target ?? '?'} · Contract: ${meta.contract ?? '?'} · Suites: ${s.projects.join(', ') || 'none'}`,
      '',
    );
  if (s.skipped.length)
    lines.push(
      `Not required in this run (their suite did not run, or the run may not call them): ${s.skipped.join(', ')}`,
      '',
    );
  if (s.refusalsOnly?.length)
    lines.push(
      `Only refusals seen, no success answer (the success path was never judged): ${s.refusalsOnly.join(', ')}`,
      '',
    );
  if (s.unknown.length)
    lines.push(`Not in the contract (exercised by the suites, not judged): ${s.unknown.join(', ')}`, '');
  lines.push(
    '| Operation | Request | Statuses seen | Statuses documented | Checks run | Failed checks | Requests | State |',
  );
  lines.push('|---|---|---|---|---|---|---|---|');
  for (const r of s.operations) {
    const name = `${r.operationId}${r.neighbour ? ' (neighbour)' : ''}${r.websocket ? ' (ws)' : ''}`;
    lines.push(
      `| ${name} | \`${r.method} ${r.path}\` | ${statuses(r.statusesSeen)} | ${r.statusesDocumented.join(', ')} | ${r.checks.join(', ') || '—'} | ${r.failed.join(', ') || '—'} | ${r.requests} | ${state(r)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Writes `<dir>/coverage.json` and `<dir>/coverage.md`; answers their paths. */
export function writeCoverageReports(
  dir: string,
  s: CoverageSummary,
  meta: { target?: string; contract?: string } = {},
): { json: string; md: string } {
  mkdirSync(dir, { recursive: true });
  const { coverageJson: json, coverageMd: md } = reportPaths(dir);
  writeFileSync(json, `${JSON.stringify({ generatedAt: new Date().toISOString(), ...meta, ...s }, null, 2)}\n`);
  writeFileSync(md, coverageMarkdown(s, meta));
  return { json, md };
}
