/**
 * A run ledger's lines: one JSON object per line, appended as the run goes (so an interrupted run
 * leaves everything it created on record). What the run created and what it already removed, and
 * the models' state before the run, which the end of the run (or the next one) restores.
 */

/** What a run can create on a target and remove again. */
export type LedgerKind = 'asset' | 'conversation' | 'session' | 'download';

/** The first line: who wrote the ledger. */
export interface RunHeader {
  type: 'run';
  run: string;
  target: string;
  pid: number;
  host: string;
  started: string;
}

/** Something the run created (or started: a download). */
export interface CreatedLine {
  type: 'created';
  kind: LedgerKind;
  id: string;
  at: string;
}

/** The marker every name the harness gives what it creates starts with. */
export const CREATED_MARKER = 'pieces-conformance:';

/**
 * Something the run is about to create under a marked name, written before the request: a run
 * killed between the answer and its `created` line still leaves the name, and a sweep finds the
 * item by it.
 */
export interface CreatingLine {
  type: 'creating';
  kind: 'asset' | 'conversation';
  name: string;
  at: string;
}

/** Something the run removed (or cancelled) again. */
export interface RemovedLine {
  type: 'removed';
  kind: LedgerKind;
  id: string;
  at: string;
}

/** A model's state before the run touched any model. */
export interface ModelStateLine {
  type: 'model';
  id: string;
  downloaded: boolean;
  loaded: boolean;
  downloading: boolean;
}

export type LedgerLine = RunHeader | CreatingLine | CreatedLine | RemovedLine | ModelStateLine;

/** One leftover: a created item with no removal on record. */
export interface Leftover {
  kind: LedgerKind;
  id: string;
}

/** A name the run meant to create something under (see CreatingLine). */
export interface NamedLeftover {
  kind: 'asset' | 'conversation';
  name: string;
}

/** A parsed ledger: its header, what is left, the marked names it created under, and the models' earlier state. */
export interface LedgerState {
  header?: RunHeader;
  leftovers: Leftover[];
  /** Marked names of creations (any of them may have been created without its `created` line). */
  named: NamedLeftover[];
  models: ModelStateLine[];
}

/** Parses a ledger's text; a torn last line (the run was killed mid-write) is skipped. */
export function parseLedger(text: string): LedgerState {
  const created = new Map<string, Leftover>();
  const named = new Map<string, NamedLeftover>();
  const models = new Map<string, ModelStateLine>();
  let header: RunHeader | undefined;
  for (const raw of text.split('\n')) {
    if (!raw.trim()) continue;
    let line: LedgerLine;
    try {
      line = JSON.parse(raw);
    } catch {
      continue;
    }
    if (line.type === 'run') header ??= line;
    else if (line.type === 'creating' && line.name?.startsWith(CREATED_MARKER))
      named.set(`${line.kind} ${line.name}`, { kind: line.kind, name: line.name });
    else if (line.type === 'created') created.set(`${line.kind} ${line.id}`, { kind: line.kind, id: line.id });
    else if (line.type === 'removed') created.delete(`${line.kind} ${line.id}`);
    else if (line.type === 'model' && !models.has(line.id)) models.set(line.id, line);
  }
  return { header, leftovers: [...created.values()], named: [...named.values()], models: [...models.values()] };
}
