/** User: the local profile, or `{}` when nobody is signed in. */
import type { Ctx, HandlerMap } from '../context.js';
import { sendJson } from '../http.js';
import { SCHEMA, stamp } from '../shapes/common.js';

/** The local UserProfile (undefined when signed out). */
export function userProfile(ctx: Ctx): Record<string, unknown> | undefined {
  if (!ctx.options.signedIn) return undefined;
  const { store } = ctx;
  return {
    schema: SCHEMA,
    id: store.userId,
    name: 'Local Developer',
    email: 'developer@localhost.localdomain',
    username: 'local-developer',
    vanityname: 'localdev',
    picture: 'https://pieces.app/assets/default-avatar.png',
    aesthetics: { theme: { dark: true }, font: { size: 14 } },
    created: stamp(store.userCreated),
    updated: stamp(store.userCreated),
  };
}

/** Handlers of the User tag. */
export function userHandlers(ctx: Ctx): HandlerMap {
  return {
    getUser: (_req, reply) => {
      const profile = userProfile(ctx);
      if (!profile) return sendJson(reply, {});
      // Superset body: the seed's profile fields and the real {user} envelope. `vanityname` is
      // only in UserProfile, so the seed-form copy leaves it out.
      const { vanityname: _v, ...seedForm } = profile;
      const body = { ...seedForm, user: profile };
      if (ctx.faults.has('user-wrong-type')) {
        const wrong = { theme: { dark: true }, font: { size: '14' } };
        return sendJson(reply, { ...body, aesthetics: wrong, user: { ...profile, aesthetics: wrong } });
      }
      return sendJson(reply, body);
    },
  };
}
