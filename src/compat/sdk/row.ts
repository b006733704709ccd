/**
 * The SDK row of the matrix from a smoke run: one cell per operation the SDK exercised.
 * ok → conformant; the SDK threw, or its answer lacked what a client reads, or the content did not
 * survive → not-conformant (with the SDK's error or the problem); only skipped → not-exercised.
 */
import type { CompatMatrix, MatrixCell, MatrixRow } from '../types.js';
import { addRow } from '../matrix.js';
import type { SdkCall, SdkSmokeResult } from './smoke.js';

/** The row id of an SDK version, e.g. `sdk-4.1.0`. */
export function sdkRowId(version: string): string {
  return `sdk-${version}`;
}

function callLine(c: SdkCall): string {
  const http = c.http.map((h) => `${h.method} ${h.path} → ${h.status ?? h.error ?? 'no answer'}`).join(', ');
  return `${c.method}()${http ? ` [${http}]` : ''}`;
}

/** The cell of one operation from the calls that exercised it (in run order). */
export function sdkCell(calls: readonly SdkCall[]): MatrixCell {
  const ran = calls.filter((c) => c.outcome !== 'skipped');
  if (ran.length === 0) {
    return {
      verdict: 'not-exercised',
      source: 'sdk',
      reason: `${calls.map((c) => `${c.method}()`).join(', ')} skipped: ${calls[0]?.error ?? 'not run'}`,
    };
  }
  const failed = ran.find((c) => c.outcome === 'failed');
  if (failed) return { verdict: 'not-conformant', source: 'sdk', reason: `${callLine(failed)}: ${failed.error}` };
  const shape = ran.find((c) => c.shapeProblem);
  if (shape)
    return {
      verdict: 'not-conformant',
      source: 'sdk',
      reason: `${callLine(shape)} returned, but ${shape.shapeProblem}`,
    };
  const changed = ran.find((c) => c.content === 'changed');
  if (changed) return { verdict: 'not-conformant', source: 'sdk', reason: `${callLine(changed)}: ${changed.note}` };
  return {
    verdict: 'conformant',
    source: 'sdk',
    reason: ran.map((c) => `${callLine(c)} ok${c.note ? `: ${c.note}` : ''}`).join('; '),
  };
}

/** Counts of a smoke run's steps (cleanup calls left out). */
export function sdkTally(result: SdkSmokeResult): { ok: number; failed: number; skipped: number; content: string } {
  const steps = result.calls.filter((c) => !c.cleanup);
  const checks = steps.filter((c) => c.content);
  const content =
    checks.length === 0
      ? 'not checked'
      : checks.every((c) => c.content === 'survives')
        ? 'survives'
        : checks.map((c) => `${c.step}: ${c.content}`).join(', ');
  return {
    ok: steps.filter((c) => c.outcome === 'ok' && !c.shapeProblem && c.content !== 'changed').length,
    failed: steps.filter(
      (c) => c.outcome === 'failed' || (c.outcome === 'ok' && (c.shapeProblem || c.content === 'changed')),
    ).length,
    skipped: steps.filter((c) => c.outcome === 'skipped').length,
    content,
  };
}

/** The SDK row and its cells (operations the smoke run never called are left to `addRow`'s "not-exercised"). */
export function sdkRow(result: SdkSmokeResult): { row: MatrixRow; cells: Record<string, MatrixCell> } {
  const byKey = new Map<string, SdkCall[]>();
  for (const c of result.calls) {
    if (c.cleanup) continue;
    byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
  }
  const cells: Record<string, MatrixCell> = {};
  for (const [key, calls] of byKey) cells[key] = sdkCell(calls);
  const t = sdkTally(result);
  const row: MatrixRow = {
    id: sdkRowId(result.sdk.version),
    label: `${result.sdk.name} ${result.sdk.version}`,
    kind: 'sdk',
    detail:
      `The official TypeScript SDK driven against ${result.baseUrl} by the SDK smoke run: ${t.ok} calls ok, ${t.failed} failed, ${t.skipped} skipped; ` +
      `content ${t.content}${result.leftovers.length ? `; left on the target: ${result.leftovers.join('; ')}` : '; nothing left on the target'}.`,
  };
  return { row, cells };
}

/**
 * Puts the SDK row into the matrix: it replaces the reserved SDK row (same id or any row of kind
 * `sdk` with no SDK cells yet), and gets "not-exercised" for the operations the SDK never called.
 */
export function applySdk(matrix: CompatMatrix, result: SdkSmokeResult): void {
  const { row, cells } = sdkRow(result);
  for (const r of matrix.rows.filter((x) => x.kind === 'sdk' && x.id !== row.id)) {
    if (Object.values(matrix.cells[r.id] ?? {}).every((c) => c.source !== 'sdk')) {
      matrix.rows = matrix.rows.filter((x) => x.id !== r.id);
      delete matrix.cells[r.id];
    }
  }
  const filled: Record<string, MatrixCell> = {};
  for (const c of matrix.columns) {
    filled[c.key] = cells[c.key] ?? {
      verdict: 'not-exercised',
      source: 'sdk',
      reason: 'The SDK smoke run does not call this operation',
    };
  }
  addRow(matrix, row, filled);
}
