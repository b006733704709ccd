/** The matrix cell of one operation's live tally: its verdict and the reason a reader sees. */
import type { MatrixCell } from '../types.js';
import type { OperationTally } from './verdicts.js';

function statusList(t: OperationTally): string {
  return Object.entries(t.statuses)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([s, n]) => `${s} ×${n}`)
    .join(', ');
}

/** The matrix cell of one operation's tally. */
export function liveCell(t: OperationTally | undefined, websocket = false): MatrixCell {
  if (!t || t.exchanges === 0) {
    return {
      verdict: 'not-exercised',
      source: 'live',
      reason: websocket
        ? 'No frame in the conformance run (a WebSocket operation: only the stream suite logs its frames)'
        : 'No exchange of the conformance run reached this operation',
    };
  }
  const noun = websocket ? 'frame' : 'exchange'; // a WebSocket operation's exchanges are its frames (frames.ts)
  if (t.judged === 0) {
    return {
      verdict: 'not-exercised',
      source: 'live',
      reason: `${t.exchanges} ${noun}${t.exchanges === 1 ? '' : 's'}, none answered (${t.firstTransportError})`,
    };
  }
  const n = `${t.judged} ${noun}${t.judged === 1 ? '' : 's'}`;
  const extras = [
    `statuses ${statusList(t)}`,
    t.negatives
      ? `${t.negatives} invalid on purpose, ${websocket ? 'judged on status only' : 'judged as refusals: a 4xx, never 2xx or 5xx'}`
      : '',
    t.truncatedBodies ? `${t.truncatedBodies} with a truncated body, judged on status only` : '',
    t.transportErrors ? `${t.transportErrors} without answer` : '',
    t.warnings ? `${t.warnings} with lenient warnings, first: ${t.firstWarning}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  if (t.failed) {
    const more =
      t.problems.length > 1 ? ` (+${t.problems.length - 1} other problem${t.problems.length === 2 ? '' : 's'})` : '';
    return {
      verdict: 'not-conformant',
      source: 'live',
      reason: `${t.problems[0]}${more} — ${t.failed} of ${n} failed (${extras})`,
    };
  }
  return { verdict: 'conformant', source: 'live', reason: `${n} conformant (${extras})` };
}
