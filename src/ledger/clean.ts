/**
 * Cleaning up after interrupted runs: every ledger of a target whose run is no longer going is
 * swept (leftovers removed, models restored) and, when nothing failed, deleted. Used by the global
 * setup of every live run (before it starts) and by `pieces-conformance clean --target URL`.
 */
import { rmSync } from 'node:fs';
import { basename } from 'node:path';
import type { ApiClient } from '../client/client.js';
import type { ModelStateLine } from './entries.js';
import { findLedgers } from './ledger.js';
import { joinResults, removeLeftovers, removeNamedLeftovers, restoreModels, type SweepResult } from './sweep.js';

/** The outcome of cleaning one target. */
export interface CleanResult extends SweepResult {
  /** Ledgers swept and deleted. */
  swept: string[];
  /** Ledgers of runs still going (left alone). */
  running: string[];
  /** Ledgers kept because something could not be removed (tried again next time). */
  kept: string[];
}

/** Sweeps every finished or interrupted run's ledger for `target` (never `exceptFile`, the caller's own). */
export async function cleanTarget(
  api: ApiClient,
  target: string,
  env: NodeJS.ProcessEnv = process.env,
  exceptFile?: string,
): Promise<CleanResult> {
  const out: CleanResult = { done: [], failed: [], remaining: [], swept: [], running: [], kept: [] };
  for (const found of findLedgers(target, env, exceptFile)) {
    const name = basename(found.file);
    if (found.running) {
      out.running.push(`${name} (pid ${found.state.header?.pid})`);
      continue;
    }
    const r = joinResults(
      await removeLeftovers(api, found.state.leftovers),
      // After the recorded ids: what is left under the run's marked names went unrecorded.
      await removeNamedLeftovers(api, found.state.named),
      await restoreModels(api, found.state.models),
    );
    out.done.push(...r.done);
    out.failed.push(...r.failed);
    out.remaining.push(...r.remaining);
    if (r.failed.length === 0) {
      rmSync(found.file, { force: true });
      out.swept.push(name);
    } else out.kept.push(name);
  }
  return out;
}

/** Every model's flags now (for the ledger's before-the-run record); empty when the list is unreadable. */
export async function modelStates(api: ApiClient): Promise<Array<Omit<ModelStateLine, 'type'>>> {
  const res = await api.callLoose('getModelsSnapshot', { intent: 'neutral', note: "the models' state before the run" });
  if (res.status !== 200) return [];
  const list = (res.data as { iterable?: Array<Record<string, unknown>> } | undefined)?.iterable ?? [];
  return list
    .filter((m) => typeof m.id === 'string')
    .map((m) => ({
      id: m.id as string,
      downloaded: m.downloaded === true,
      loaded: m.loaded === true,
      downloading: m.downloading === true,
    }));
}

/** One line for the run's log: what the sweep did. */
export function cleanLine(r: CleanResult): string | undefined {
  if (r.swept.length === 0 && r.kept.length === 0 && r.running.length === 0) return undefined;
  const parts = [
    r.done.length
      ? `${r.done.length} leftover${r.done.length === 1 ? '' : 's'} of earlier runs removed or restored`
      : '',
    r.failed.length ? `${r.failed.length} could not be (${r.failed.slice(0, 3).join('; ')})` : '',
    r.running.length
      ? `${r.running.length} ledger${r.running.length === 1 ? '' : 's'} of a run still going left alone`
      : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : `${r.swept.length} empty ledger(s) of earlier runs removed`;
}
