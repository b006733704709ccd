/** A plain JSON-like object, as parsed from YAML or JSON. */
export type Json = Record<string, unknown>;

/** How a change affects existing clients. */
export type Severity = 'breaking' | 'warning' | 'non-breaking';

/** The severities in report order. */
export const SEVERITIES: readonly Severity[] = ['breaking', 'warning', 'non-breaking'];

/** One difference between two contract versions, found by one rule. */
export interface Change {
  /** Name of the rule that found it. */
  rule: string;
  /** The operation: its contract id (seed id when known) or `METHOD /path`. */
  operation: string;
  /** Matching key of the operation, `METHOD /normalised/{}/path` (the matrix column). */
  key: string;
  /** JSON-pointer-ish location inside the operation, e.g. `/responses/200/content/application~1json/schema/properties/id`. */
  location: string;
  /** Effect on clients written against the old version. */
  severity: Severity;
  /** One-line reason. */
  message: string;
  /** A documented known difference (`x-pieces-upstream` note) that explains this change, when one applies. */
  known?: string;
}

/** A named compatibility rule: compares two documents and reports changes. */
export interface CompatRule {
  /** Unique kebab-case name. */
  name: string;
  /** One line: what the rule detects and why it matters. */
  summary: string;
  /** Compares the old version with the new one. */
  check(oldDoc: import('./view.js').DocView, newDoc: import('./view.js').DocView): Change[];
}

/** One contract version, as listed in `spec/versions/index.yaml` and loaded. */
export interface ContractVersion {
  /** Stable id, e.g. `upstream-2024-09`. */
  id: string;
  /** Short human label. */
  label: string;
  /** File the document was loaded from, relative to the repository root. */
  file: string;
  /** Date of the document (ISO), or null for the project's own contracts. */
  date: string | null;
  /** Where the document comes from. */
  origin: string;
  /** Pieces OS era and other context. */
  era: string;
  /** SDK versions it corresponds to. */
  sdk: string[];
  /** Pieces OS major version(s), or null. */
  pos: string | null;
  /** True for the project's refined contract (the baseline every version is compared with). */
  refined?: boolean;
  /** The bundled OpenAPI document. */
  doc: Json;
}

/** Per-severity change counts. */
export type SeverityCounts = Record<Severity, number>;

/** The static changes from one version to another. */
export interface PairChanges {
  /** Id of the old version. */
  from: string;
  /** Id of the new version. */
  to: string;
  /** Counts per severity. */
  counts: SeverityCounts;
  /** The changes, in rule order. */
  changes: Change[];
}

/** Verdict of one matrix cell: live (conformant, not-conformant, not-exercised) or static (breaking, warning). */
export type Verdict = 'conformant' | 'not-conformant' | 'not-exercised' | 'breaking' | 'warning';

/** One cell of the matrix. */
export interface MatrixCell {
  /** The verdict shown. */
  verdict: Verdict;
  /** Why (first diagnostic, first breaking change, known-difference note, ...). */
  reason?: string;
  /** What produced the verdict: the static comparison, a live run against the target, or the SDK smoke run. */
  source?: 'static' | 'live' | 'sdk';
  /** The static verdict this cell had before a live verdict replaced it. */
  static?: { verdict: Verdict; reason?: string };
}

/** One row of the matrix: a contract version or an SDK. */
export interface MatrixRow {
  /** Row id (a version id, or e.g. `sdk-4.1.0`). */
  id: string;
  /** Short label. */
  label: string;
  /** What the row stands for. */
  kind: 'contract' | 'sdk';
  /** Context: era, SDK versions, date. */
  detail?: string;
}

/** One column of the matrix: an operation. */
export interface MatrixColumn {
  /** Matching key, `METHOD /normalised/{}/path`. */
  key: string;
  /** The operation's contract id (seed id when known). */
  operation: string;
  /** HTTP method, upper case. */
  method: string;
  /** Path as the baseline (or first) contract writes it. */
  path: string;
}

/** The compatibility matrix: versions (+ SDK) x operations, plus the static change list per pair. */
export interface CompatMatrix {
  /** ISO time the matrix was built. */
  generatedAt: string;
  /** Id of the version the static verdicts compare every row with (the refined contract). */
  baseline: string;
  /** Base URL of the target of the live run, when there was one. */
  target?: string;
  /** Rows, in display order. */
  rows: MatrixRow[];
  /** Columns, in display order. */
  columns: MatrixColumn[];
  /** cells[rowId][columnKey]. */
  cells: Record<string, Record<string, MatrixCell>>;
  /** Static changes per compared pair. */
  pairs: PairChanges[];
}
