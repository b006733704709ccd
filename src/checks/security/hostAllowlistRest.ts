/**
 * host_allowlist_rest: a REST request whose `Host` names no loopback address — what a browser sends
 * for a page on a name the attacker re-pointed at 127.0.0.1 (DNS rebinding) — is refused, never
 * served: otherwise any web page can read and change the user's data through the local API.
 */
import { defineCheck } from '../define.js';
import { probeLine, type SecurityProbe } from '../../security/types.js';
import { isProbe, refused } from './util.js';

export const hostAllowlistRest = defineCheck({
  name: 'host_allowlist_rest',
  title: 'REST request with a foreign Host served',
  kind: 'security',
  basis: 'assumed',
  why: 'No Pieces OS contract documents a Host check. A page on a name its owner re-points at 127.0.0.1 (DNS rebinding) reaches a loopback server as same-origin, so only the Host header tells it apart (OWASP DNS rebinding; RFC 9110 section 7.2).',
  evidence: ['https://www.rfc-editor.org/rfc/rfc9110#section-7.2', 'https://en.wikipedia.org/wiki/DNS_rebinding'],
  severity: 'critical',
  description:
    'A REST request whose Host is not loopback (DNS rebinding) is refused with a 4xx, never served (OWASP: DNS rebinding; RFC 9110 Host).',
  applies: (p: SecurityProbe) => isProbe(p, 'rest', 'host'),
  run(p: SecurityProbe, _ctx, fail) {
    if (refused(p)) return [];
    return [fail(p.operation, `${probeLine(p)}; expected a 4xx refusal`)];
  },
});

export default hostAllowlistRest;
