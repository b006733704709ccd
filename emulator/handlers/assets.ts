/** Assets: snapshot, create, get, update, delete and search. */
import type { FastifyRequest } from 'fastify';
import { flag, type Ctx, type HandlerMap } from '../context.js';
import { gone, HttpError, sendJson, sendJsonText, sendText } from '../http.js';
import { renderAsset, type AssetRecord } from '../shapes/asset.js';
import { nowAfter } from '../shapes/common.js';
import { recordFromSeed } from '../shapes/seed.js';
import { bodyError } from '../registry.js';
import { searchHandler } from './search.js';

const MECHANISMS = new Set(['UNKNOWN', 'MANUAL', 'RECOMMENDED', 'AUTOMATIC', 'INTERNAL', 'DELETED', 'EXTERNAL_AGENT']);

/** The 410 (or, under a fault, 404) for an asset id that does not exist. */
function missing(ctx: Ctx, id: string): never {
  if (ctx.faults.has('gone-as-404')) throw new HttpError(404, `Asset ${id} not found.`);
  return gone('Asset', id);
}

/** Handlers of the Assets tag. */
export function assetHandlers(ctx: Ctx): HandlerMap {
  const { store, faults } = ctx;

  const createAsset = (req: FastifyRequest, reply: any) => {
    const invalid = bodyError(req);
    if (invalid && !faults.has('accept-invalid-seed')) {
      if (faults.has('partial-write-on-bad-seed')) {
        // The planted bug: the write happens before the validation verdict is honoured.
        store.assets.insert(recordFromSeed({}, store.userId, nowAfter()));
      }
      throw new HttpError(400, invalid);
    }
    const seed = req.body as any;
    if (faults.has('reject-valid-seed') && seed?.asset?.metadata !== undefined) {
      throw new HttpError(400, "Invalid request body: field 'asset.metadata' is not allowed");
    }
    const record = recordFromSeed(seed, store.userId, nowAfter(), { trim: faults.has('roundtrip-trims-content') });
    store.assets.insert(record);
    ctx.index.written(record.id);
    const json = store.assets.json(record.id, flag(req, 'transferables'))!;
    const status = faults.has('undocumented-status-create') ? 201 : 200;
    if (faults.has('asset-id-number')) return sendJson(reply, { ...JSON.parse(json), id: 4815162342 }, status);
    return sendJsonText(reply, json, status);
  };

  return {
    getAssetsSnapshot: (req, reply) => {
      const transferables = flag(req, 'transferables');
      if (!faults.has('snapshot-omits-new-asset')) return sendJsonText(reply, store.assets.snapshotJson(transferables));
      const newest = store.assets.newestId();
      const docs = store.assets.allJson(transferables).filter((d) => !newest || !d.includes(`"id":"${newest}"`));
      return sendJsonText(reply, `{"iterable":[${docs.join(',')}]}`);
    },

    createAsset: { http: createAsset, lenientBody: true },

    getAsset: (req, reply) => {
      const { asset } = req.params as { asset: string };
      const json = store.assets.json(asset, flag(req, 'transferables'));
      return json === undefined ? missing(ctx, asset) : sendJsonText(reply, json);
    },

    updateAsset: (req, reply) => {
      const body = req.body as any;
      const current = store.assets.record(body.id);
      if (!current) return missing(ctx, body.id);
      const next: AssetRecord = { ...current, updated: nowAfter(current.updated) };
      if (typeof body.name === 'string') next.name = body.name;
      if (MECHANISMS.has(body.mechanism)) next.mechanism = body.mechanism;
      for (const k of ['favorited', 'pseudo', 'discovered', 'demo'] as const) {
        if (typeof body[k] === 'boolean') next[k] = body[k];
      }
      if (Array.isArray(body.tags?.iterable)) {
        next.tags = body.tags.iterable.map((t: any) => ({ id: String(t.id), text: String(t.text) }));
      }
      if (faults.has('update-not-persisted')) {
        const docs = renderAsset(next);
        return sendJsonText(reply, flag(req, 'transferables') ? docs.asset : docs.assetLite);
      }
      store.assets.replace(next);
      return sendJsonText(reply, store.assets.json(next.id, flag(req, 'transferables'))!);
    },

    deleteAsset: (req, reply) => {
      const { asset } = req.params as { asset: string };
      if (faults.has('delete-does-not-delete')) {
        if (!store.assets.record(asset)) return missing(ctx, asset);
        return sendText(reply, 200, asset);
      }
      if (!store.assets.delete(asset, faults.has('formats-keep-deleted'))) return missing(ctx, asset);
      return sendText(reply, 200, asset);
    },

    searchAssets: searchHandler(ctx),
  };
}
