/**
 * What a security probe records: one deliberate request (REST) or WebSocket upgrade made with a
 * header a web attacker controls — a foreign `Host` (a DNS-rebinding page) or a foreign `Origin`
 * (any web page the user visits). Probes are raw requests, never contract exchanges: the contract
 * checks do not judge them and they hold no body (a live target's data is never read into a report).
 */

/** The header that makes a probe foreign. */
export type ForeignHeader = 'host' | 'origin';

/** One probe and what the target answered. */
export interface SecurityProbe {
  transport: 'rest' | 'websocket';
  /** The operation (operationId) or channel the probe aims at, e.g. getAssetsSnapshot, qgptStream. */
  operation: string;
  method: string;
  url: string;
  /** The foreign header and its value. */
  header: ForeignHeader;
  value: string;
  /** Further request headers (a CORS preflight's Access-Control-Request-*). */
  requestHeaders: Record<string, string>;
  /** The HTTP status, when the target answered (a WebSocket that opened: 101). */
  status?: number;
  /** Whether a WebSocket opened. */
  opened: boolean;
  /** The answer's Access-Control-* and Vary headers (lower-case names). */
  cors: Record<string, string>;
  /** A transport error instead of an answer (reset, refused, timeout). */
  error?: string;
  durationMs: number;
}

/** The evidence line of a probe: what was sent and what came back. */
export function probeLine(p: SecurityProbe): string {
  const path = new URL(p.url).pathname;
  const sent = `${p.transport === 'websocket' ? 'WebSocket upgrade' : p.method} ${path} with ${p.header === 'host' ? 'Host' : 'Origin'}: ${p.value}`;
  const cors = Object.entries(p.cors)
    .filter(([k]) => k.startsWith('access-control-allow-'))
    .map(([k, v]) => `${k}: ${v}`);
  const answer = p.error
    ? `no answer (${p.error})`
    : p.opened
      ? 'the socket opened (101 Switching Protocols)'
      : `HTTP ${p.status}${cors.length ? ` with ${cors.join(', ')}` : ''}`;
  return `${sent} → ${answer}`;
}
