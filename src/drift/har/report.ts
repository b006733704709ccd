/** drift.md of a HAR diff: each difference between the emulator's answers and the recorded ones. */
import { formatMs } from '../../report/summary.js';
import type { HarDiffResult } from './run.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The markdown report. */
export function renderHarDriftMarkdown(r: Omit<HarDiffResult, 'files'>): string {
  const verdict =
    r.drifts.length === 0 ? '✅ no drift' : `❌ ${r.drifts.length} difference${r.drifts.length === 1 ? '' : 's'}`;
  const { recorded, emulator } = r.replay;
  const out = [
    `# Drift between the emulator and a recorded session: ${verdict}`,
    '',
    `**Recording:** ${r.har} (${r.entries} entries${r.recordedAt ? `, recorded against ${r.recordedAt}` : ''}) · **Reference:** ${r.reference.url} (${r.reference.kind}) · **Ids mapped:** ${r.replay.ids} · **Time:** ${formatMs(r.durationMs)}`,
    '',
    `Every request of the recording was sent again to the emulator in the order it was made, with each id the recorded build answered replaced by the one the emulator answered (${recorded.steps.length} REST requests, ${recorded.streams.length} WebSockets with their messages). Compared: statuses, media types, body shapes (keys and JSON types; ids, timestamps, free text and model text ignored) and each WebSocket's status sequence and frame shape. Requests for data the session did not create (present on the recorded build only) drift by nature.`,
    '',
  ];
  if (r.drifts.length) {
    out.push(`Operations that drift: ${[...new Set(r.drifts.map((d) => d.operationId))].join(', ')}.`, '');
    out.push('| operation | step | what differs | emulator | recorded |', '|---|---|---|---|---|');
    for (const d of r.drifts)
      out.push(`| ${d.operationId} | ${cell(d.step)} | ${cell(d.what)} | ${cell(d.reference)} | ${cell(d.target)} |`);
    out.push('');
  }
  out.push('<details><summary>Steps: status on each side</summary>', '', '| step | operation | emulator | recorded |');
  out.push('|---|---|---|---|');
  emulator.steps.forEach((s, i) => {
    const t = recorded.steps[i];
    const show = (x: typeof s) => `${x.status || `no response (${x.error ?? 'error'})`}${x.media ? ` ${x.media}` : ''}`;
    out.push(`| ${cell(s.step)} | ${s.operationId} | ${show(s)} | ${t ? show(t) : '—'} |`);
  });
  emulator.streams.forEach((s, i) => {
    const t = recorded.streams[i];
    out.push(
      `| ${cell(s.step)} | ${s.operationId} | ${cell(s.error ?? s.sequence)} | ${cell(t.error ?? t.sequence)} |`,
    );
  });
  out.push('', '</details>', '');
  return `${out.join('\n').trimEnd()}\n`;
}
