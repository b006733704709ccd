/**
 * Connector: POST /connect, how real integrations (the official SDK wrappers among them) register.
 * The same name, platform and version get the same application back, so reconnecting is stable.
 */
import { randomUUID } from 'node:crypto';
import type { Ctx, HandlerMap } from '../context.js';
import { sendJson } from '../http.js';
import { SCHEMA } from '../shapes/common.js';
import { userProfile } from './user.js';

/** Handlers of the Connector tag. */
export function connectorHandlers(ctx: Ctx): HandlerMap {
  const { store, faults } = ctx;
  return {
    connect: (req, reply) => {
      const seeded = (req.body as any).application;
      let app = store.applications
        .all()
        .find((a) => a.name === seeded.name && a.platform === seeded.platform && a.version === seeded.version);
      if (!app) {
        app = {
          id: randomUUID(),
          name: seeded.name,
          version: seeded.version,
          platform: seeded.platform,
          onboarded: false,
          privacy: seeded.privacy ?? 'OPEN',
          capabilities: seeded.capabilities ?? 'BLENDED',
          mechanism: 'MANUAL',
          automaticUnload: seeded.automaticUnload ?? false,
        };
        store.applications.put(app as { id: string });
      }
      const user = userProfile(ctx);
      const context: Record<string, unknown> = {
        schema: SCHEMA,
        application: app,
        health: { os: { id: store.osId, version: ctx.version } },
        os: store.osId,
        ...(user ? { user: faults.has('connect-other-user') ? { ...user, id: randomUUID() } : user } : {}),
      };
      if (faults.has('connect-missing-health')) delete context.health;
      return sendJson(reply, context);
    },
  };
}
