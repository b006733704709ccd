/** `drift.md` and `drift.json`: each difference between the emulator and the target, with what each side had. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMs } from '../report/summary.js';
import type { Drift } from './compare.js';
import type { ScenarioRecord } from './scenario.js';

/** Everything a drift report says. */
export interface DriftResult {
  reference: { url: string; kind: string; version?: string };
  target: { url: string; version?: string };
  drifts: Drift[];
  referenceRun: ScenarioRecord;
  targetRun: ScenarioRecord;
  durationMs: number;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The markdown report. */
export function renderDriftMarkdown(r: DriftResult): string {
  const verdict =
    r.drifts.length === 0 ? '✅ no drift' : `❌ ${r.drifts.length} difference${r.drifts.length === 1 ? '' : 's'}`;
  const out = [
    `# Drift between the emulator and the target: ${verdict}`,
    '',
    `**Reference:** ${r.reference.url} (${r.reference.kind}${r.reference.version ? `, ${r.reference.version}` : ''}) · **Target:** ${r.target.url}${r.target.version ? ` (${r.target.version})` : ''} · **Time:** ${formatMs(r.durationMs)}`,
    '',
    `The same seeded scenario ran on both (${r.referenceRun.steps.length} REST steps and one streamed question). Compared: statuses, media types, body shapes (keys and JSON types; ids, timestamps, free text and model text ignored) and the stream's status sequence and frame shape.`,
    '',
  ];
  if (r.drifts.length) {
    const ops = [...new Set(r.drifts.map((d) => d.operationId))];
    out.push(`Operations that drift: ${ops.join(', ')}.`, '');
    out.push('| operation | step | what differs | emulator | target |', '|---|---|---|---|---|');
    for (const d of r.drifts)
      out.push(`| ${d.operationId} | ${cell(d.step)} | ${cell(d.what)} | ${cell(d.reference)} | ${cell(d.target)} |`);
    out.push('');
  }
  out.push(
    '<details><summary>Steps: status on each side</summary>',
    '',
    '| step | operation | emulator | target |',
    '|---|---|---|---|',
  );
  r.referenceRun.steps.forEach((s, i) => {
    const t = r.targetRun.steps[i];
    out.push(
      `| ${cell(s.step)} | ${s.operationId} | ${s.status}${s.media ? ` ${s.media}` : ''} | ${t ? `${t.status}${t.media ? ` ${t.media}` : ''}` : '—'} |`,
    );
  });
  out.push(
    `| ${r.referenceRun.stream.step} | qgptStream | ${cell(r.referenceRun.stream.error ?? r.referenceRun.stream.sequence)} | ${cell(r.targetRun.stream.error ?? r.targetRun.stream.sequence)} |`,
  );
  out.push('', '</details>', '');
  return `${out.join('\n').trimEnd()}\n`;
}

/** Writes `drift.md` and `drift.json` into dir; answers their paths. */
export function writeDriftReports(dir: string, r: DriftResult): { md: string; json: string } {
  mkdirSync(dir, { recursive: true });
  const md = join(dir, 'drift.md');
  const json = join(dir, 'drift.json');
  writeFileSync(md, renderDriftMarkdown(r));
  writeFileSync(
    json,
    `${JSON.stringify({ generatedAt: new Date().toISOString(), drift: r.drifts.length > 0, ...r }, null, 2)}\n`,
  );
  return { md, json };
}
