/**
 * Loopback protections on the WebSocket channels: an upgrade with a foreign Host (DNS rebinding)
 * or a foreign browser Origin (cross-site WebSocket hijacking) is refused. These attempts use a
 * raw `ws` client with custom headers: they are judged by stream_upgrade_guarded, never as
 * contract exchanges.
 */
import { test } from './fixtures.js';

const FOREIGN_HOST = 'rebind.pieces-conformance.invalid';
const FOREIGN_ORIGIN = 'https://attacker.pieces-conformance.invalid';

test.describe('WebSocket upgrade guard', { tag: '@QGPT' }, () => {
  for (const path of ['/qgpt/stream', '/model/pieces-conformance-unknown-model/download/progress']) {
    test(`a foreign Host or Origin cannot open ${path}`, async ({ streams }) => {
      await streams.upgrade(path, 'host', FOREIGN_HOST);
      await streams.upgrade(path, 'origin', FOREIGN_ORIGIN);
    });
  }
});
