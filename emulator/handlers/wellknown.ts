/** Well Known: health and version, both text/plain. */
import type { Ctx, HandlerMap } from '../context.js';
import { sendJson, sendText } from '../http.js';

/** Handlers of the Well Known tag. */
export function wellKnownHandlers(ctx: Ctx): HandlerMap {
  return {
    getWellKnownHealth: (_req, reply) =>
      ctx.faults.has('health-json') ? sendJson(reply, { status: 'ok' }) : sendText(reply, 200, 'ok'),
    getWellKnownVersion: (_req, reply) =>
      sendText(reply, 200, ctx.faults.has('version-not-semver') ? 'twelve' : ctx.version),
  };
}
