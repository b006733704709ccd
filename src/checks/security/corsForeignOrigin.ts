/**
 * cors_foreign_origin: a REST answer to a foreign web Origin must not grant it access through CORS.
 * `Access-Control-Allow-Origin: *` (or the foreign origin echoed) on a read lets any page the user
 * visits read the user's assets; on a preflight, it lets any page send JSON writes (Fetch standard,
 * CORS protocol; OWASP: CORS misconfiguration).
 */
import { defineCheck } from '../define.js';
import { probeLine, type SecurityProbe } from '../../security/types.js';
import { grantedTo, isProbe } from './util.js';

export const corsForeignOrigin = defineCheck({
  name: 'cors_foreign_origin',
  title: "CORS lets a foreign web page use the user's data",
  kind: 'security',
  basis: 'assumed',
  why: 'No Pieces OS contract documents a CORS policy, and a real build has been seen answering Access-Control-Allow-Origin: * (hence report on live targets). With it, any page the user visits reads the local API’s answers (Fetch standard, CORS protocol; OWASP CORS misconfiguration).',
  evidence: ['https://fetch.spec.whatwg.org/#http-cors-protocol'],
  severity: 'high',
  description:
    'A read or a CORS preflight from a foreign web Origin gets no Access-Control-Allow-Origin that admits it (neither * nor the origin echoed).',
  applies: (p: SecurityProbe) => isProbe(p, 'rest', 'origin'),
  run(p: SecurityProbe, _ctx, fail) {
    const granted = grantedTo(p);
    if (granted === undefined || p.status === undefined || p.status < 200 || p.status >= 300) return [];
    const what =
      p.method === 'OPTIONS'
        ? `any web page may send ${p.requestHeaders['access-control-request-method'] ?? 'these'} requests cross-site`
        : 'any web page can read the answer';
    return [fail(p.operation, `${probeLine(p)}: ${what}`)];
  },
});

export default corsForeignOrigin;
