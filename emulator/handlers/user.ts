/** User: `{user: UserProfile}`, or `{}` when nobody is signed in. */
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
      const user = ctx.faults.has('user-wrong-type')
        ? { ...profile, aesthetics: { theme: { dark: true }, font: { size: '14' } } }
        : profile;
      if (!ctx.options.seedEnvelopes) return sendJson(reply, { user });
      // Superset body (seedEnvelopes): the seed's profile fields next to the real {user}
      // envelope. `vanityname` is only in UserProfile, so the seed-form copy leaves it out.
      const { vanityname: _v, ...seedForm } = user;
      return sendJson(reply, { ...seedForm, user });
    },
  };
}
