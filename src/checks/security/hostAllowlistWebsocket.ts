/**
 * host_allowlist_websocket: a WebSocket upgrade whose `Host` names no loopback address (DNS
 * rebinding) is refused before the socket opens (the AsyncAPI document's server description).
 */
import { defineCheck } from '../define.js';
import { probeLine, type SecurityProbe } from '../../security/types.js';
import { isProbe, refused } from './util.js';

export const hostAllowlistWebsocket = defineCheck({
  name: 'host_allowlist_websocket',
  title: 'WebSocket upgrade with a foreign Host accepted',
  kind: 'security',
  basis: 'assumed',
  why: 'No upstream Pieces OS contract documents it (the refined AsyncAPI document states it for the servers). A DNS-rebinding page opens the socket under its own host name, and only the Host header tells it apart (OWASP DNS rebinding).',
  evidence: ['https://www.rfc-editor.org/rfc/rfc6455#section-4.1', 'https://en.wikipedia.org/wiki/DNS_rebinding'],
  severity: 'critical',
  description:
    'A WebSocket upgrade whose Host is not loopback (DNS rebinding) is refused with a 4xx before the socket opens.',
  applies: (p: SecurityProbe) => isProbe(p, 'websocket', 'host'),
  run(p: SecurityProbe, _ctx, fail) {
    if (refused(p)) return [];
    return [fail(p.operation, `${probeLine(p)}; expected a 4xx refusal`)];
  },
});

export default hostAllowlistWebsocket;
