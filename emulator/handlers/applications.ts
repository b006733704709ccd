/** Applications: register, snapshot, and sessions (open takes no body, close takes a bare JSON string). */
import { randomUUID } from 'node:crypto';
import type { Ctx, HandlerMap } from '../context.js';
import { gone, HttpError, sendJson } from '../http.js';
import { cleanApplication, nowAfter, stamp } from '../shapes/common.js';
import type { SessionRecord } from '../store/applications.js';

/** The contract's Session of a stored record. */
function renderSession(s: SessionRecord) {
  return { id: s.id, opened: stamp(s.opened), ...(s.closed ? { closed: stamp(s.closed) } : {}) };
}

/** Handlers of the Applications tag. */
export function applicationHandlers(ctx: Ctx): HandlerMap {
  const { store, faults } = ctx;
  return {
    getApplicationsSnapshot: (_req, reply) => sendJson(reply, { iterable: store.applications.all() }),

    registerApplication: (req, reply) => {
      const app = cleanApplication(req.body);
      if (!faults.has('register-not-listed')) store.applications.put(app);
      return sendJson(reply, app);
    },

    openApplicationSession: (req, reply) => {
      if (faults.has('session-open-drops-connection')) {
        // The planted bug: the connection is closed without an answer.
        reply.hijack();
        req.raw.socket.destroy();
        return reply;
      }
      const s: SessionRecord = { id: randomUUID(), opened: nowAfter() };
      store.applications.openSession(s);
      return sendJson(reply, renderSession(s));
    },

    closeApplicationSession: (req, reply) => {
      const id = req.body as string;
      const s = store.applications.session(id);
      if (!s) return gone('Session', id);
      if (s.closed) {
        if (!faults.has('session-close-twice-ok') && !ctx.options.lax)
          throw new HttpError(409, `Session ${id} is already closed.`);
        return sendJson(reply, renderSession(s));
      }
      const closed = nowAfter(s.opened);
      store.applications.closeSession(id, closed);
      return sendJson(reply, renderSession({ ...s, closed }));
    },
  };
}
