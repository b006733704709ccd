import { compareAll } from './compare.js';
import type {
  Change,
  CompatMatrix,
  ContractVersion,
  MatrixCell,
  MatrixColumn,
  MatrixRow,
  PairChanges,
} from './types.js';
import { viewOf } from './view.js';

/** The SDK row the static matrix reserves until a smoke run fills it. */
export const DEFAULT_SDK_ROW: MatrixRow = {
  id: 'sdk-4.1.0',
  label: '@pieces.app/pieces-os-client 4.1.0',
  kind: 'sdk',
  detail: 'The official TypeScript SDK, driven against the target by the SDK smoke run.',
};

/** Options of `staticMatrix`. */
export interface StaticMatrixOptions {
  /** Id of the version every row is compared with (default: the one marked refined, else the last). */
  baseline?: string;
  /** The SDK row to reserve (cells "not-exercised"), or false for none. */
  sdkRow?: MatrixRow | false;
  /** Precomputed `compareAll(versions)` result. */
  pairs?: PairChanges[];
  /** Timestamp to record (default: now). */
  generatedAt?: string;
}

function rowDetail(v: ContractVersion): string {
  const parts = [
    v.date ?? 'this project',
    v.pos ? `Pieces OS ${v.pos}` : '',
    v.sdk.length ? `SDK ${v.sdk.join(', ')}` : '',
    v.era,
  ];
  return parts.filter(Boolean).join(' · ');
}

/** The static verdict of one operation from the changes between a version and the baseline. */
export function staticCell(changes: Change[]): MatrixCell {
  const breaking = changes.filter((c) => c.severity === 'breaking');
  const warnings = changes.filter((c) => c.severity === 'warning');
  const tally = `${breaking.length} breaking, ${warnings.length} warning, ${changes.length - breaking.length - warnings.length} non-breaking`;
  const lead = (list: Change[]): string => {
    const known = list.find((c) => c.known);
    return known ? `Known difference: ${known.known}` : list[0].message;
  };
  if (breaking.length) return { verdict: 'breaking', reason: `${lead(breaking)} (${tally})`, source: 'static' };
  if (warnings.length) return { verdict: 'warning', reason: `${lead(warnings)} (${tally})`, source: 'static' };
  return {
    verdict: 'conformant',
    reason: changes.length ? `Only non-breaking differences (${tally})` : 'No difference from the baseline',
    source: 'static',
  };
}

/**
 * Builds the static part of the matrix: a row per version (plus the reserved SDK row), a column per
 * operation of any version, and per cell the static verdict of that version against the baseline.
 */
export function staticMatrix(versions: ContractVersion[], options: StaticMatrixOptions = {}): CompatMatrix {
  if (versions.length === 0) throw new Error('staticMatrix needs at least one contract version');
  const base =
    versions.find((v) => v.id === options.baseline) ?? versions.find((v) => v.refined) ?? versions[versions.length - 1];
  const pairs = options.pairs ?? compareAll(versions);
  const columns: MatrixColumn[] = [];
  const seen = new Set<string>();
  for (const v of [base, ...versions]) {
    for (const op of viewOf(v.doc).operations.values()) {
      if (seen.has(op.key)) continue;
      seen.add(op.key);
      columns.push({ key: op.key, operation: op.id, method: op.method.toUpperCase(), path: op.path });
    }
  }
  const rows: MatrixRow[] = versions.map((v) => ({ id: v.id, label: v.label, kind: 'contract', detail: rowDetail(v) }));
  const cells: CompatMatrix['cells'] = {};
  for (const v of versions) {
    const ops = viewOf(v.doc).operations;
    const changes = v.id === base.id ? [] : pairs.find((p) => p.from === v.id && p.to === base.id)?.changes;
    const row: Record<string, MatrixCell> = {};
    for (const col of columns) {
      if (!ops.has(col.key)) {
        row[col.key] = {
          verdict: 'not-exercised',
          reason: `${v.label} does not define ${col.method} ${col.path}`,
          source: 'static',
        };
      } else if (v.id === base.id)
        row[col.key] = { verdict: 'conformant', reason: 'Baseline contract', source: 'static' };
      else if (!changes)
        row[col.key] = {
          verdict: 'not-exercised',
          reason: `${v.label} was not compared with ${base.label}`,
          source: 'static',
        };
      else row[col.key] = staticCell(changes.filter((c) => c.key === col.key));
    }
    cells[v.id] = row;
  }
  const matrix: CompatMatrix = {
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    baseline: base.id,
    rows,
    columns,
    cells,
    pairs,
  };
  if (options.sdkRow !== false) {
    const sdk = options.sdkRow ?? DEFAULT_SDK_ROW;
    addRow(
      matrix,
      sdk,
      Object.fromEntries(
        columns.map((c) => [c.key, { verdict: 'not-exercised', reason: 'No SDK smoke run recorded' } as MatrixCell]),
      ),
    );
  }
  return matrix;
}

/** Adds (or replaces) a row with its cells; columns it does not mention get "not-exercised". */
export function addRow(matrix: CompatMatrix, row: MatrixRow, cells: Record<string, MatrixCell> = {}): void {
  matrix.rows = [...matrix.rows.filter((r) => r.id !== row.id), row];
  matrix.cells[row.id] = Object.fromEntries(
    matrix.columns.map((c) => [c.key, cells[c.key] ?? ({ verdict: 'not-exercised' } as MatrixCell)]),
  );
}

/** Sets one cell (e.g. a live verdict); the static verdict it replaces is kept in `static`. */
export function setCell(matrix: CompatMatrix, rowId: string, key: string, cell: MatrixCell): void {
  const row = matrix.cells[rowId];
  if (!row) throw new Error(`Unknown matrix row "${rowId}"; rows: ${matrix.rows.map((r) => r.id).join(', ')}`);
  if (!matrix.columns.some((c) => c.key === key)) throw new Error(`Unknown matrix column "${key}"`);
  const prev = row[key];
  const kept =
    prev?.static ??
    (prev?.source === 'static'
      ? { verdict: prev.verdict, ...(prev.reason ? { reason: prev.reason } : {}) }
      : undefined);
  row[key] = { ...cell, ...(kept && !cell.static ? { static: kept } : {}) };
}
