/**
 * Which tests a fault's run needs. A planted bug need not face every suite: a stream fault is
 * caught by the stream project, a REST fault by the contract tests of its tag plus the negative
 * cases (bad input, unknown ids) of its operation, a fault the contract tests cannot reach by the
 * property suite.
 * A selection that misses is widened to every suite once before the fault counts as missed, and
 * the report says so (the table below is then wrong and should be fixed, not the verdict).
 */
import type { FaultEntry } from './catalogue.js';

/** The suites and title filter of one run. */
export interface Selection {
  suites: Array<'contract' | 'stream' | 'property'>;
  /** Playwright --grep (titles and tags); undefined: every test of the suites. */
  grep?: string;
  /** True when this is the every-suite retry of a narrower selection that missed. */
  widened?: boolean;
}

/** Every suite, no filter: the clean run and the widened retry. */
export const EVERY_SUITE: Selection = { suites: ['contract', 'stream', 'property'] };

/** Checks judged on a WebSocket channel (stream project). */
const STREAM_CHECK = /^(stream_|download_progress_)/;

/**
 * Checks the contract project judges only on streamed answers, so their faults need the stream
 * project too (e.g. a conversation's messages recorded from a streamed question).
 */
const ALSO_STREAM = new Set(['conversation_messages_recorded']);

/**
 * Tags whose lifecycle tests live under another tag: a format is created and deleted through its
 * asset, so the asset lifecycle test is the one that reads formats after a delete.
 */
const RELATED_TAGS: Record<string, string[]> = { Formats: ['@Assets'] };

/** The Playwright tag of a contract tag: `Well Known` → `@WellKnown`. */
export function tagOf(tag: string): string {
  return `@${tag.replace(/\s+/g, '')}`;
}

/**
 * The negative cases of one operation: every one of them is titled `<operationId> refuses ...`
 * (tests/contract/negative-*.spec.ts), so its operation id selects them.
 */
export function negativeCasesOf(operation: string): string {
  return `${operation} refuses`;
}

/** The narrow selection for a fault: by its expected check first, then by its tag and operation. */
export function selectionFor(f: Pick<FaultEntry, 'tag' | 'expectedCheck' | 'operation'>): Selection {
  const tag = tagOf(f.tag);
  // The security probes: REST ones in the contract project, WebSocket ones in the stream project.
  if (f.tag === 'Security') return { suites: ['contract', 'stream'], grep: tag };
  if (STREAM_CHECK.test(f.expectedCheck)) return { suites: ['stream'], grep: tag };
  if (ALSO_STREAM.has(f.expectedCheck)) return { suites: ['contract', 'stream'], grep: `${tag}|@QGPT` };
  return { suites: ['contract'], grep: [tag, ...(RELATED_TAGS[f.tag] ?? []), negativeCasesOf(f.operation)].join('|') };
}

/** `contract --grep @Assets|createAsset refuses`, `stream @QGPT`, `every suite`: how the table names a selection. */
export function describeSelection(s: Selection): string {
  const suites = s.suites.length === EVERY_SUITE.suites.length ? 'every suite' : s.suites.join('+');
  return `${suites}${s.grep ? ` ${s.grep}` : ''}${s.widened ? ' (widened)' : ''}`;
}

/**
 * One selection covering several: the union of their suites, and of their filters (no filter when
 * any of them has none). The clean control of a subset of faults runs exactly the tests that
 * judged them, with no switch on.
 */
export function unionSelection(list: readonly Selection[]): Selection {
  const suites = EVERY_SUITE.suites.filter((s) => list.some((x) => x.suites.includes(s)));
  if (list.length === 0 || list.some((x) => !x.grep)) return { suites: list.length ? suites : [...EVERY_SUITE.suites] };
  const parts = [...new Set(list.flatMap((x) => x.grep!.split('|')))];
  return { suites, grep: parts.join('|') };
}

/**
 * The fast subset `npm test` runs: one fault per kind of check and across tags — an exchange
 * check (a content type, Well Known), a lifecycle scenario (Assets), the stream grammar (QGPT)
 * and a download-progress check (Models) — chosen among the quickest of their kind.
 */
export const FAST_FAULTS = [
  'health-json',
  'update-not-persisted',
  'stream-frames-after-terminal',
  'download-progress-decreases',
] as const;
