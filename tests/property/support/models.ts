/** Reading local models on the target: which ones the stateful property drives, and their flags. */
import type { ApiClient } from '../../../src/client/index.js';
import type { ModelFlags } from '../../../src/checks/index.js';

/**
 * The property drives the local models after the first two of the snapshot: the contract and
 * stream suites, running beside it on the same target, use the first ones, and a model's state
 * is shared by everyone.
 */
export const SKIPPED_LOCAL_MODELS = 2;

/**
 * The local models the property drives, with their flags as the target reports them now: on the
 * embedded emulator those after the first two; on a live target only `only`, the run's one download
 * model (PIECES_ALLOW_DOWNLOADS), which this test holds while it runs.
 */
export async function drivenModels(
  api: ApiClient,
  only?: string,
): Promise<Array<{ id: string; downloaded: boolean; loaded: boolean }>> {
  const res = await api.call('getModelsSnapshot');
  const local = (res.data?.iterable ?? []).filter((m) => m.cloud === false);
  return (only === undefined ? local.slice(SKIPPED_LOCAL_MODELS) : local.filter((m) => m.id === only)).map((m) => ({
    id: m.id,
    downloaded: m.downloaded === true,
    loaded: m.loaded === true,
  }));
}

/** A model's lifecycle flags as getModel answers them (undefined ones when it did not answer). */
export async function modelFlags(api: ApiClient, id: string, note?: string): Promise<ModelFlags> {
  const res = await api.call('getModel', { path: { model: id }, ...(note ? { note } : {}) });
  const m = typeof res.data === 'object' && res.data !== null ? res.data : undefined;
  return m ? { downloaded: m.downloaded === true, loaded: m.loaded === true, downloading: m.downloading === true } : {};
}
