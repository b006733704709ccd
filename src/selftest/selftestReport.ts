/**
 * The self-test's reports: the console table, `selftest.md` (score, table, what was missed and
 * why, the clean run, timing) and `selftest.json` (the same as data).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { formatMs } from '../report/summary.js';
import { describeSelection, type Selection } from './select.js';
import type { RunOutcome } from './runOne.js';
import type { CleanVerdict, FaultRow, Score } from './verdict.js';

/** Everything a finished self-test knows. */
export interface SelftestResult {
  rows: FaultRow[];
  score: Score;
  clean?: { selection: Selection; outcome: RunOutcome; verdict: CleanVerdict };
  /** Whole wall time, and the catalogue's share (fault runs only). */
  wallMs: number;
  faultsMs: number;
  jobs: number;
  workers: number;
  catalogueSize: number;
  exitCode: 0 | 1 | 2;
}

const MARK: Record<FaultRow['verdict'], string> = { caught: 'caught', missed: 'MISSED', error: 'ERROR' };

/** `caught / total` with a percentage. */
export function scoreLine(s: Score): string {
  const pct = s.total ? Math.round((s.caught / s.total) * 100) : 0;
  return `${s.caught} / ${s.total} faults caught (${pct} %)${s.missed ? `, ${s.missed} missed` : ''}${s.errors ? `, ${s.errors} not judged` : ''}`;
}

/** The caught-by cell: the checks that fired, the expected one first. */
export function caughtByCell(row: Pick<FaultRow, 'caughtBy' | 'fault'>): string {
  const fired = [...row.caughtBy].sort(
    (a, b) => Number(b === row.fault.expectedCheck) - Number(a === row.fault.expectedCheck) || a.localeCompare(b),
  );
  return fired.join(', ') || '—';
}

/** The table as aligned text columns (fault, expected check, caught by, verdict, selection, time). */
export function textTable(rows: readonly FaultRow[]): string {
  const head = ['FAULT', 'EXPECTED CHECK', 'CAUGHT BY', 'VERDICT', 'RUN', 'TIME'];
  const body = rows.map((r) => [
    r.fault.name,
    r.fault.expectedCheck,
    caughtByCell(r),
    MARK[r.verdict],
    describeSelection(r.selection),
    formatMs(r.outcome.durationMs + (r.narrow?.durationMs ?? 0)),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(head), ...body.map(line)].join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** `selftest.md`. */
export function renderSelftestMarkdown(r: SelftestResult, cwd: string): string {
  const verdict =
    r.exitCode === 0
      ? '✅ every fault caught, clean run conformant'
      : r.exitCode === 1
        ? '❌ faults missed or false alarms'
        : '⚠️ some runs could not be judged';
  const out = [
    `# Harness self-test: ${verdict}`,
    '',
    `**Score: ${scoreLine(r.score)}** of ${r.catalogueSize} fault switches in the emulator's catalogue.`,
    '',
  ];
  if (r.clean) {
    out.push(
      r.clean.verdict.passed
        ? `**Clean run** (${describeSelection(r.clean.selection)}): ✅ ${r.clean.outcome.counts.passed} passed, 0 failed (${r.clean.outcome.counts.skipped} skipped), ${formatMs(r.clean.outcome.durationMs)}.`
        : `**Clean run** (${describeSelection(r.clean.selection)}): ❌ ${r.clean.verdict.problems.map(cell).join('; ')}`,
      '',
    );
  } else {
    out.push('**Clean run:** not run.', '');
  }
  out.push(
    `**Time:** whole self-test ${formatMs(r.wallMs)}; the ${r.rows.length} fault run${r.rows.length === 1 ? '' : 's'} ${formatMs(r.faultsMs)} (${r.jobs} at a time, ${r.workers} Playwright workers each).`,
    '',
  );
  out.push(
    '| fault | tag | expected check | caught by | verdict | run | tests failed | time |',
    '|---|---|---|---|---|---|---:|---:|',
  );
  for (const row of r.rows) {
    const v = row.verdict === 'caught' ? '✅ caught' : row.verdict === 'missed' ? '❌ missed' : '⚠️ error';
    out.push(
      `| \`${row.fault.name}\` | ${row.fault.tag} | \`${row.fault.expectedCheck}\` | ${cell(caughtByCell(row))} | ${v} | ${cell(describeSelection(row.selection))} | ${row.outcome.counts.failed} | ${formatMs(row.outcome.durationMs + (row.narrow?.durationMs ?? 0))} |`,
    );
  }
  out.push('');
  const bad = r.rows.filter((x) => x.verdict !== 'caught');
  if (bad.length) {
    out.push('## Not caught', '');
    for (const row of bad) {
      out.push(
        `### \`${row.fault.name}\` (${row.fault.operation}): ${row.verdict}`,
        '',
        `${row.fault.description} Expected \`${row.fault.expectedCheck}\` to fire.`,
        '',
      );
      if (row.outcome.harnessError) out.push(`- harness: ${cell(row.outcome.harnessError)}`);
      out.push(`- checks that fired: ${row.caughtBy.join(', ') || 'none'}`);
      if (row.outcome.otherFailures.length)
        out.push(`- failures without a check: ${row.outcome.otherFailures.slice(0, 3).map(cell).join('; ')}`);
      out.push(
        `- reports: \`${relative(cwd, row.outcome.reportsDir) || '.'}\` (run.log, summary.md, results.json)`,
        '',
      );
    }
  }
  const widened = r.rows.filter((x) => x.selection.widened);
  if (widened.length) {
    out.push(
      '## Widened selections',
      '',
      'These faults were missed by their narrow selection and judged on every suite; fix the selection table in `src/selftest/select.ts`:',
      '',
    );
    for (const row of widened)
      out.push(`- \`${row.fault.name}\`: the narrow run fired ${row.narrow?.checksFired.join(', ') || 'nothing'}`);
    out.push('');
  }
  const collateral = r.rows.filter((x) => x.verdict === 'caught' && x.caughtBy.length > 1);
  if (collateral.length)
    out.push(
      `Other checks that also fired are collateral findings of the same bug (${collateral.length} faults); only the expected check decides the verdict.`,
      '',
    );
  out.push(
    `Every fault's run keeps its reports (run.log, summary.md, junit.xml, results.json) under \`${relative(cwd, dirname(r.rows[0]?.outcome.reportsDir ?? r.clean?.outcome.reportsDir ?? cwd)) || '.'}/\`.`,
    '',
  );
  return `${out.join('\n').trimEnd()}\n`;
}

/** `selftest.json`: the same, as data. */
export function selftestJson(r: SelftestResult, cwd: string): unknown {
  const run = (o: RunOutcome) => ({ ...o, reportsDir: relative(cwd, o.reportsDir) || '.' });
  return {
    generatedAt: new Date().toISOString(),
    exitCode: r.exitCode,
    score: r.score,
    catalogueSize: r.catalogueSize,
    wallMs: r.wallMs,
    faultsMs: r.faultsMs,
    jobs: r.jobs,
    workers: r.workers,
    clean: r.clean
      ? { ...r.clean.verdict, selection: describeSelection(r.clean.selection), run: run(r.clean.outcome) }
      : null,
    faults: r.rows.map((row) => ({
      ...row.fault,
      verdict: row.verdict,
      caughtBy: row.caughtBy,
      selection: { ...row.selection, text: describeSelection(row.selection) },
      run: run(row.outcome),
      ...(row.narrow ? { narrowRun: run(row.narrow) } : {}),
    })),
  };
}

/** Writes `selftest.md` and `selftest.json` into dir; answers their paths. */
export function writeSelftestReports(dir: string, r: SelftestResult, cwd: string): { md: string; json: string } {
  mkdirSync(dir, { recursive: true });
  const md = `${dir}/selftest.md`;
  const json = `${dir}/selftest.json`;
  writeFileSync(md, renderSelftestMarkdown(r, cwd));
  writeFileSync(json, `${JSON.stringify(selftestJson(r, cwd), null, 2)}\n`);
  return { md, json };
}
