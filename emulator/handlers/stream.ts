/** QGPT stream: the /qgpt/stream WebSocket (one StreamSession per socket). */
import type { Ctx, HandlerMap } from '../context.js';
import { sendJson } from '../http.js';
import { StreamSession } from '../streamSession.js';

/** Handlers of the QGPT tag's WebSocket operation. */
export function streamHandlers(ctx: Ctx): HandlerMap {
  return {
    qgptStream: {
      // A plain GET cannot stream: it answers one FAILED frame (the documented 200 schema) saying so.
      http: (_req, reply) =>
        sendJson(reply, {
          conversation: '',
          status: 'FAILED',
          statusCode: 426,
          errorMessage: '/qgpt/stream is a WebSocket: connect with an Upgrade: websocket request.',
        }),
      ws: (socket) => {
        new StreamSession(ctx, socket);
      },
    },
  };
}
