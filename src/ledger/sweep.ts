/**
 * Removing what a run left: the ledger's leftovers (assets and conversations deleted, sessions
 * closed, downloads cancelled) and the models put back as they were before the run (loaded ones
 * loaded, the others unloaded, downloads the run started cancelled). Only what a ledger names is
 * touched. Every request goes through the typed client, so the caller may record or judge it.
 */
import type { ApiClient } from '../client/client.js';
import { CREATED_MARKER, type Leftover, type ModelStateLine, type NamedLeftover } from './entries.js';

/** What a sweep did. */
export interface SweepResult {
  /** One line per action: `deleted asset <id>`, `unloaded model <id>`, ... */
  done: string[];
  /** One line per action that failed (the ledger keeps them for the next sweep). */
  failed: string[];
  /** The leftovers still there after the sweep. */
  remaining: Leftover[];
}

/** Gone already counts as removed: someone else (the user, a later test) removed it. */
function removed(status: number): boolean {
  return (status >= 200 && status < 300) || status === 404 || status === 410;
}

/** Removes the leftovers: sessions, assets, conversations, downloads. */
export async function removeLeftovers(api: ApiClient, leftovers: readonly Leftover[]): Promise<SweepResult> {
  const out: SweepResult = { done: [], failed: [], remaining: [] };
  const note = 'removing what an earlier run left';
  const order: Leftover['kind'][] = ['session', 'asset', 'conversation', 'download'];
  for (const kind of order) {
    for (const item of leftovers.filter((l) => l.kind === kind)) {
      const send = () =>
        kind === 'asset'
          ? api.callLoose('deleteAsset', { path: { asset: item.id }, intent: 'neutral', note })
          : kind === 'conversation'
            ? api.callLoose('deleteConversation', { path: { conversation: item.id }, intent: 'neutral', note })
            : kind === 'session'
              ? api.callLoose('closeApplicationSession', { body: item.id, intent: 'neutral', note })
              : api.callLoose('cancelModelDownload', { path: { model: item.id }, intent: 'neutral', note });
      // No answer at all (a connection closed under it) is tried once more: removing twice is harmless.
      let res = await send();
      if (res.status === 0) res = await send();
      const verb = { asset: 'deleted', conversation: 'deleted', session: 'closed', download: 'cancelled' }[kind];
      if (removed(res.status))
        out.done.push(`${verb} ${kind === 'download' ? 'the download of model' : kind} ${item.id}`);
      else {
        out.failed.push(`${kind} ${item.id}: ${res.status || res.exchange.error}`);
        out.remaining.push(item);
      }
    }
  }
  return out;
}

/**
 * Finds what a run created under its marked names without recording the id (killed between the
 * answer and the ledger line) and removes it. Only names that carry the marker and the run wrote
 * down are matched, exactly: a user's item never carries one. Pseudo assets are listed too.
 */
export async function removeNamedLeftovers(api: ApiClient, named: readonly NamedLeftover[]): Promise<SweepResult> {
  const out: SweepResult = { done: [], failed: [], remaining: [] };
  const note = 'finding what an earlier run created under its marked names';
  for (const kind of ['asset', 'conversation'] as const) {
    const names = new Set(named.filter((n) => n.kind === kind && n.name.startsWith(CREATED_MARKER)).map((n) => n.name));
    if (names.size === 0) continue;
    const list =
      kind === 'asset'
        ? await api.callLoose('getAssetsSnapshot', {
            query: { transferables: false, pseudo: true },
            intent: 'neutral',
            note,
          })
        : await api.callLoose('getConversationsSnapshot', { query: { transferables: false }, intent: 'neutral', note });
    if (list.status !== 200) {
      out.failed.push(`${kind}s by name: the snapshot answered ${list.status || list.exchange.error}`);
      continue;
    }
    const items = (
      (list.data as { iterable?: Array<{ id?: unknown; name?: unknown }> } | undefined)?.iterable ?? []
    ).filter((x) => typeof x.id === 'string' && typeof x.name === 'string' && names.has(x.name));
    const found = await removeLeftovers(
      api,
      items.map((x) => ({ kind, id: x.id as string })),
    );
    out.done.push(...found.done.map((d) => `${d} (found by its marked name)`));
    out.failed.push(...found.failed);
    out.remaining.push(...found.remaining);
  }
  return out;
}

/** A model's flags as the target lists them. */
interface ModelNow {
  id: string;
  downloaded?: boolean;
  loaded?: boolean;
  downloading?: boolean;
}

/** Puts every model back as `before` had it: loaded state, and no download the run started still running. */
export async function restoreModels(api: ApiClient, before: readonly ModelStateLine[]): Promise<SweepResult> {
  const out: SweepResult = { done: [], failed: [], remaining: [] };
  if (before.length === 0) return out;
  const note = "restoring the models' state before the run";
  const list = await api.callLoose('getModelsSnapshot', { intent: 'neutral', note });
  const now = new Map<string, ModelNow>(
    ((list.data as { iterable?: ModelNow[] } | undefined)?.iterable ?? []).map((m) => [m.id, m]),
  );
  if (list.status !== 200) {
    out.failed.push(`GET /models answered ${list.status || list.exchange.error}: models not restored`);
    return out;
  }
  for (const was of before) {
    const m = now.get(was.id);
    if (!m) continue;
    const step = async (op: 'cancelModelDownload' | 'unloadModel' | 'loadModel', what: string) => {
      const res = await api.callLoose(op, { path: { model: was.id }, intent: 'neutral', note });
      if (res.status >= 200 && res.status < 300) out.done.push(`${what} model ${was.id}`);
      else out.failed.push(`${op} ${was.id}: ${res.status || res.exchange.error}`);
    };
    if (m.downloading === true && !was.downloading) await step('cancelModelDownload', 'cancelled the download of');
    if (m.loaded === true && !was.loaded) await step('unloadModel', 'unloaded');
    else if (m.loaded !== true && was.loaded && m.downloaded === true) await step('loadModel', 'loaded again');
  }
  return out;
}

/** Both results as one. */
export function joinResults(...results: SweepResult[]): SweepResult {
  return {
    done: results.flatMap((r) => r.done),
    failed: results.flatMap((r) => r.failed),
    remaining: results.flatMap((r) => r.remaining),
  };
}
