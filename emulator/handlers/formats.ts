/** Formats: the snapshot of every asset's formats and one format by id (note `transferable`). */
import { randomUUID } from 'node:crypto';
import { flag, type Ctx, type HandlerMap } from '../context.js';
import { gone, sendJson, sendJsonText } from '../http.js';

/** Handlers of the Formats tag. */
export function formatHandlers(ctx: Ctx): HandlerMap {
  const { store, faults } = ctx;
  return {
    getFormatsSnapshot: (req, reply) => {
      const json = `{"iterable":[${store.formats.allJson(flag(req, 'transferables')).join(',')}]}`;
      // The planted bug: a buffered write cut off half way, still labelled JSON.
      return sendJsonText(reply, faults.has('formats-json-cut') ? json.slice(0, Math.ceil(json.length / 2)) : json);
    },

    getFormat: (req, reply) => {
      const { format } = req.params as { format: string };
      // The contract's only singular flag: /format/{format}?transferable=
      const json = store.formats.json(format, flag(req, 'transferable'));
      if (json === undefined) return gone('Format', format);
      if (faults.has('format-missing-classification')) {
        const { classification: _dropped, ...rest } = JSON.parse(json);
        return sendJson(reply, rest);
      }
      if (faults.has('format-names-other-asset')) {
        const format = JSON.parse(json);
        return sendJson(reply, { ...format, asset: { ...format.asset, id: randomUUID() } });
      }
      return sendJsonText(reply, json);
    },
  };
}
