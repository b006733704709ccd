/**
 * Security on REST: a request with a foreign Host (DNS rebinding) must be refused, and a foreign web
 * Origin must get no CORS answer that lets its page read the user's assets or send writes. The
 * probes are raw requests (their bodies are drained unread), judged by the security checks
 * (host_allowlist_rest, cors_foreign_origin), never as contract exchanges; their findings are the
 * security verdict (--security enforce|report). Nothing is written: read-only runs keep them.
 */
import { FOREIGN_HOST, FOREIGN_ORIGIN } from '../../src/security/index.js';
import { test } from '../fixtures/index.js';

test.describe('Security: REST', { tag: '@Security' }, () => {
  test('a foreign Host is refused (DNS rebinding)', async ({ security, judge }) => {
    judge('host_allowlist_rest', await security.rest('getAssetsSnapshot', 'GET', '/assets', 'host', FOREIGN_HOST));
    judge(
      'host_allowlist_rest',
      await security.rest('getWellKnownHealth', 'GET', '/.well-known/health', 'host', FOREIGN_HOST),
    );
  });

  test("a foreign web Origin cannot read the user's assets (CORS)", async ({ security, judge }) => {
    judge('cors_foreign_origin', await security.rest('getAssetsSnapshot', 'GET', '/assets', 'origin', FOREIGN_ORIGIN));
  });

  test('a foreign web Origin gets no preflight for writes (CORS)', async ({ security, judge }) => {
    judge(
      'cors_foreign_origin',
      await security.rest('createAsset', 'OPTIONS', '/assets/create', 'origin', FOREIGN_ORIGIN, {
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      }),
    );
  });
});
