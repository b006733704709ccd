/**
 * cross_site_websocket_hijacking: browsers send any page's `Origin` on a WebSocket upgrade and apply
 * no CORS to WebSockets, so a server that opens `/qgpt/stream` for a foreign web Origin lets any page
 * the user visits talk to the copilot as the user (OWASP: Cross-Site WebSocket Hijacking).
 */
import { defineCheck } from '../define.js';
import { probeLine, type SecurityProbe } from '../../security/types.js';
import { isProbe, refused } from './util.js';

export const crossSiteWebsocketHijacking = defineCheck({
  name: 'cross_site_websocket_hijacking',
  title: 'WebSocket opened for a foreign web Origin',
  kind: 'security',
  basis: 'assumed',
  why: 'No upstream Pieces OS contract documents it (the refined AsyncAPI document states it for the servers). Browsers apply no CORS to WebSockets and send the page’s Origin, so the server’s Origin check is the only guard (RFC 6455 section 10.2; OWASP Cross-Site WebSocket Hijacking).',
  evidence: ['https://www.rfc-editor.org/rfc/rfc6455#section-10.2'],
  severity: 'critical',
  description:
    'A WebSocket upgrade from a foreign web Origin (not loopback, not a browser extension) is refused with a 4xx before the socket opens.',
  applies: (p: SecurityProbe) => isProbe(p, 'websocket', 'origin'),
  run(p: SecurityProbe, _ctx, fail) {
    if (refused(p)) return [];
    return [fail(p.operation, `${probeLine(p)}; expected a 4xx refusal`)];
  },
});

export default crossSiteWebsocketHijacking;
