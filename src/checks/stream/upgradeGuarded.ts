/**
 * stream_upgrade_guarded: a WebSocket upgrade with a foreign `Host` (DNS rebinding) or a foreign
 * browser `Origin` (cross-site WebSocket hijacking) is refused before the socket opens.
 */
import { defineCheck } from '../define.js';
import type { UpgradeSubject } from '../../stream/types.js';
import { failOn, isUpgrade } from './util.js';

/** The loopback server must not open a socket for a foreign Host or Origin. */
export const streamUpgradeGuarded = defineCheck({
  name: 'stream_upgrade_guarded',
  title: 'WebSocket upgrade from a foreign host or origin accepted',
  kind: 'stream',
  severity: 'critical',
  basis: 'assumed',
  why: "No Pieces OS document says how a foreign Host or Origin is treated (the real server is believed to allow cross-origin requests); refusing them on a loopback server is this project's security reading (DNS rebinding, cross-site WebSocket hijacking).",
  description: 'An upgrade whose Host or Origin is not loopback is refused (4xx), never switched to a WebSocket.',
  applies: (s: UpgradeSubject) => isUpgrade(s),
  run(s: UpgradeSubject, _ctx, fail) {
    const u = s.upgrade;
    if (u.opened)
      return [
        failOn(
          fail,
          s,
          `the socket opened (101 Switching Protocols) on ${new URL(u.url).pathname}; expected a 4xx refusal`,
        ),
      ];
    if (u.status !== undefined && (u.status < 400 || u.status >= 500)) {
      return [failOn(fail, s, `answered HTTP ${u.status}; expected a 4xx refusal`)];
    }
    return [];
  },
});

export default streamUpgradeGuarded;
