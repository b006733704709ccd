/**
 * Models: the catalogue and the local models' state machine
 * (not downloaded → downloading → downloaded ⇄ loaded), with download progress on a WebSocket.
 */
import type { Ctx, HandlerMap } from '../context.js';
import { gone, HttpError, sendJson, sendJsonText } from '../http.js';
import type { CatalogueModel } from '../catalogue.js';

/** Handlers of the Models tag. */
export function modelHandlers(ctx: Ctx): HandlerMap {
  const { store, faults, downloads } = ctx;
  const models = store.models;

  /** Models unloaded since the start (the `unload-listed-loaded` fault lists them loaded still). */
  const unloaded = new Set<string>();
  const render = (m: CatalogueModel) => {
    const s = models.state(m.id);
    return { ...m.model, downloaded: s.downloaded, loaded: s.loaded, downloading: downloads.isDownloading(m.id) };
  };
  const listed = (m: CatalogueModel) =>
    faults.has('unload-listed-loaded') && unloaded.has(m.id) ? { ...render(m), loaded: true } : render(m);
  const find = (req: any): CatalogueModel => {
    const { model } = req.params as { model: string };
    const m = models.entry(model);
    if (m) return m;
    if (faults.has('model-410-as-404')) throw new HttpError(404, `Model ${model} not found.`);
    return gone('Model', model);
  };
  const conflict = (m: CatalogueModel, action: string, why: string): never => {
    throw new HttpError(409, `Cannot ${action} ${m.name} (${m.id}): ${why}.`);
  };

  // The catalogue is read far more often than it changes: its JSON is kept until a state change.
  let snapshot = { key: '', json: '' };
  const snapshotJson = () => {
    const key = `${models.version}:${downloads.version}`;
    if (snapshot.key !== key) snapshot = { key, json: JSON.stringify({ iterable: models.entries().map(listed) }) };
    return snapshot.json;
  };

  return {
    getModelsSnapshot: (_req, reply) => sendJsonText(reply, snapshotJson()),

    getModel: (req, reply) => sendJson(reply, render(find(req))),

    downloadModel: (req, reply) => {
      const m = find(req);
      if (m.cloud) conflict(m, 'download', 'it is a cloud model and runs remotely');
      if (!models.state(m.id).downloaded) downloads.start(m.id);
      return sendJson(reply, render(m));
    },

    cancelModelDownload: (req, reply) => {
      const m = find(req);
      downloads.cancel(m.id);
      return sendJson(reply, render(m));
    },

    loadModel: (req, reply) => {
      const m = find(req);
      const s = models.state(m.id);
      if (m.cloud) conflict(m, 'load', 'it is a cloud model and is never loaded on this device');
      if (!s.downloaded && !faults.has('load-without-download')) {
        conflict(
          m,
          'load',
          downloads.isDownloading(m.id)
            ? 'its download has not finished yet'
            : 'it is not downloaded; download it first',
        );
      }
      models.setState(m.id, { downloaded: s.downloaded, loaded: true });
      return sendJson(reply, render(m));
    },

    unloadModel: (req, reply) => {
      const m = find(req);
      const s = models.state(m.id);
      if (m.cloud) conflict(m, 'unload', 'it is a cloud model and is never loaded on this device');
      if (!s.downloaded) conflict(m, 'unload', 'it is not downloaded');
      if (faults.has('unload-keeps-loaded')) return sendJson(reply, { ...render(m), loaded: false });
      models.setState(m.id, { downloaded: true, loaded: false });
      unloaded.add(m.id);
      return sendJson(reply, render(m));
    },

    modelDownloadProgress: {
      // A plain GET (no upgrade) answers the current progress as one JSON frame.
      http: (req, reply) => {
        const { model } = req.params as { model: string };
        return sendJson(reply, models.entry(model) ? downloads.current(model) : { status: 'FAILED', percentage: null });
      },
      ws: (socket, req) => {
        const { model } = req.params as { model: string };
        if (!models.entry(model)) {
          socket.send(JSON.stringify({ status: 'FAILED', percentage: null }));
          socket.close(1008, 'model not found');
          return;
        }
        socket.send(JSON.stringify(downloads.current(model)));
        const stop = downloads.subscribe(model, (frame) => {
          // The planted bug: the socket stays open but says nothing once the download is past 80 %.
          if (faults.has('download-progress-goes-quiet') && (frame.percentage ?? 0) > 80) return;
          if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
        });
        socket.on('close', stop);
        socket.on('error', stop);
      },
    },
  };
}
