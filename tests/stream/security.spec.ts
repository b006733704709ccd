/**
 * Security on the WebSocket channels: an upgrade with a foreign Host (DNS rebinding) or a foreign
 * web Origin (cross-site WebSocket hijacking: any page the user visits opening /qgpt/stream) must
 * be refused before the socket opens. The probes are raw upgrades, judged by the security checks
 * (host_allowlist_websocket, cross_site_websocket_hijacking), never as contract exchanges; their
 * findings are the security verdict (--security enforce|report).
 */
import { FOREIGN_HOST, FOREIGN_ORIGIN } from '../../src/security/index.js';
import { test } from './fixtures.js';

const CHANNELS = [
  ['qgptStream', '/qgpt/stream'],
  ['modelDownloadProgress', '/model/pieces-conformance-unknown-model/download/progress'],
] as const;

test.describe('Security: WebSocket upgrades', { tag: ['@Security', '@QGPT'] }, () => {
  for (const [channel, path] of CHANNELS) {
    test(`a foreign Host cannot open ${channel} (DNS rebinding)`, async ({ security, judge }) => {
      judge('host_allowlist_websocket', await security.upgrade(channel, path, 'host', FOREIGN_HOST));
    });
    test(`a foreign web Origin cannot open ${channel} (cross-site WebSocket hijacking)`, async ({
      security,
      judge,
    }) => {
      judge('cross_site_websocket_hijacking', await security.upgrade(channel, path, 'origin', FOREIGN_ORIGIN));
    });
  }
});
