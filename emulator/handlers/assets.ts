/** Assets: snapshot, create, get, update, delete and search. */
import type { FastifyRequest } from 'fastify';
import { flag, type Ctx, type HandlerMap } from '../context.js';
import { gone, HttpError, sendJson, sendJsonText, sendText } from '../http.js';
import { payloadText, renderAsset, type AssetRecord } from '../shapes/asset.js';
import { nowAfter } from '../shapes/common.js';
import { recordFromSeed } from '../shapes/seed.js';
import { bodyError } from '../registry.js';
import { searchHandler, type Ghost } from './search.js';
import type { FaultSet } from '../faults/index.js';

const MECHANISMS = new Set(['UNKNOWN', 'MANUAL', 'RECOMMENDED', 'AUTOMATIC', 'INTERNAL', 'DELETED', 'EXTERNAL_AGENT']);

/** The 410 (or, under a fault, 404) for an asset id that does not exist. */
function missing(ctx: Ctx, id: string): never {
  if (ctx.faults.has('gone-as-404')) throw new HttpError(404, `Asset ${id} not found.`);
  return gone('Asset', id);
}

/** The lossy rewrites of stored content that fault switches plant (none on a clean emulator). */
function contentRewrite(faults: FaultSet): ((raw: string) => string) | undefined {
  const steps: Array<(raw: string) => string> = [];
  if (faults.has('content-unicode-normalized')) steps.push((raw) => raw.normalize('NFC'));
  if (faults.has('content-newlines-normalized')) steps.push((raw) => raw.replace(/\r\n?/g, '\n'));
  if (faults.has('content-long-line-cut')) {
    steps.push((raw) => raw.replace(/[^\r\n]{65537,}/g, (line) => line.slice(0, 65536)));
  }
  return steps.length ? (raw) => steps.reduce((text, step) => step(text), raw) : undefined;
}

/** What a stale index keeps of a deleted asset: its answers and its searchable text. */
function ghostOf(store: Ctx['store'], r: AssetRecord): Ghost {
  const doc = store.assets.json(r.id, true)!;
  const docLite = store.assets.json(r.id, false)!;
  return { id: r.id, doc, docLite, name: r.name ?? '', content: payloadText(r.payload) };
}

/** Handlers of the Assets tag. */
export function assetHandlers(ctx: Ctx): HandlerMap {
  const { store, faults } = ctx;
  // Deleted assets a stale search index still answers (the search-keeps-deleted fault only).
  const ghosts: Ghost[] = [];
  // Assets created since the last update or delete, which a stale snapshot cache leaves out (the
  // snapshot-omits-new-asset fault only: creates do not invalidate it, updates and deletes do).
  const unlisted = new Set<string>();

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
    const record = recordFromSeed(seed, store.userId, nowAfter(), {
      trim: faults.has('roundtrip-trims-content'),
      rewrite: contentRewrite(faults),
    });
    store.assets.insert(record);
    if (faults.has('snapshot-omits-new-asset')) unlisted.add(record.id);
    ctx.index.written(record.id);
    const json = store.assets.json(record.id, flag(req, 'transferables'))!;
    const status = faults.has('undocumented-status-create') ? 201 : 200;
    if (faults.has('asset-id-number')) return sendJson(reply, { ...JSON.parse(json), id: 4815162342 }, status);
    return sendJsonText(reply, json, status);
  };

  return {
    getAssetsSnapshot: (req, reply) => {
      const transferables = flag(req, 'transferables') || faults.has('transferables-ignored');
      // Upstream: pseudo assets are included only on request ("we will always default to false").
      const pseudo = flag(req, 'pseudo', false) || faults.has('pseudo-listed-by-default');
      if (faults.has('snapshot-duplicates-updated')) {
        const docs = store.assets.listedJson(transferables, pseudo).flatMap((d) => {
          const a = JSON.parse(d);
          return a.updated?.value !== a.created?.value ? [d, d] : [d];
        });
        return sendJsonText(reply, `{"iterable":[${docs.join(',')}]}`);
      }
      if (!faults.has('snapshot-omits-new-asset'))
        return sendJsonText(reply, store.assets.snapshotJson(transferables, pseudo));
      const docs = store.assets.listedJson(transferables, pseudo).filter((d) => !unlisted.has(JSON.parse(d).id));
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
      if (faults.has('update-resets-created')) next.created = next.updated;
      if (
        faults.has('update-drops-unsent-content') &&
        typeof body.original?.reference?.fragment?.string?.raw !== 'string'
      ) {
        next.payload = { ...current.payload, string: {} };
      }
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
      store.assets.replace(next, faults.has('search-keeps-old-name') ? current.name : undefined);
      unlisted.clear();
      return sendJsonText(reply, store.assets.json(next.id, flag(req, 'transferables'))!);
    },

    deleteAsset: (req, reply) => {
      const { asset } = req.params as { asset: string };
      if (faults.has('delete-does-not-delete')) {
        if (!store.assets.record(asset)) return missing(ctx, asset);
        return sendText(reply, 200, asset);
      }
      const record = store.assets.record(asset);
      if (faults.has('search-keeps-deleted') && record) ghosts.push(ghostOf(store, record));
      if (!store.assets.delete(asset, faults.has('formats-keep-deleted'))) {
        // The planted bug `delete-twice-ok`: a delete of what is already gone answers 200 as if it deleted it.
        if (faults.has('delete-twice-ok')) return sendText(reply, 200, asset);
        return missing(ctx, asset);
      }
      unlisted.clear();
      if (faults.has('delete-by-name') && record?.name !== undefined) {
        for (const other of store.assets.idsNamed(record.name)) store.assets.delete(other);
      }
      return sendText(reply, 200, asset);
    },

    searchAssets: searchHandler(ctx, ghosts),
  };
}
