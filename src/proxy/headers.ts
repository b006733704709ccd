/**
 * Which headers cross the proxy. Everything does, unchanged and in order, except the hop-by-hop
 * fields a proxy must not forward (RFC 9110 §7.6.1: Connection, the fields it names, and
 * Proxy-Connection, Keep-Alive, TE, Trailer, Transfer-Encoding, Upgrade), and Host, which becomes
 * the target's authority when the client named a loopback host (the target's DNS-rebinding guard
 * would otherwise see the proxy's port; a non-loopback Host is forwarded as it came, so the
 * target still refuses it and the proxy never weakens that guard).
 */

/** Hop-by-hop fields (lower case). */
export const HOP_BY_HOP = new Set([
  'connection',
  'proxy-connection',
  'keep-alive',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'proxy-authenticate',
  'proxy-authorization',
]);

/** Handshake fields a WebSocket client library computes itself for the upstream connection. */
export const WS_HANDSHAKE = new Set([
  'sec-websocket-key',
  'sec-websocket-version',
  'sec-websocket-extensions',
  'sec-websocket-protocol',
  'sec-websocket-accept',
]);

/** Whether a Host value names this machine's loopback (any port): localhost, 127.x, [::1]. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return true;
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d+$/, '');
  const n = name.toLowerCase();
  return n === 'localhost' || n.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(n) || n === '::1';
}

/** The fields the Connection header names (they are hop-by-hop too). */
function connectionTokens(raw: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i].toLowerCase() === 'connection') for (const t of raw[i + 1].split(',')) out.add(t.trim().toLowerCase());
  }
  return out;
}

/** What forwardHeaders drops besides hop-by-hop fields. */
export interface ForwardOptions {
  /** The target's authority (`127.0.0.1:39300`) to put in a loopback Host; undefined keeps Host. */
  targetHost?: string;
  /** Extra lower-case names to drop (e.g. the WebSocket handshake fields). */
  drop?: ReadonlySet<string>;
}

/**
 * The raw header list (`[name, value, name, value, ...]`, as node's rawHeaders) to forward:
 * names keep their case, repeated fields stay repeated, order is kept.
 */
export function forwardHeaders(raw: readonly string[], o: ForwardOptions = {}): string[] {
  const named = connectionTokens(raw);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i];
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || named.has(lower) || o.drop?.has(lower)) continue;
    if (lower === 'host' && o.targetHost && isLoopbackHost(raw[i + 1])) {
      out.push(name, o.targetHost);
      continue;
    }
    out.push(name, raw[i + 1]);
  }
  return out;
}

/** Raw headers as a lower-cased record (repeated fields joined with `, `), for the Exchange. */
export function headerRecord(raw: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < raw.length; i += 2) {
    const k = raw[i].toLowerCase();
    out[k] = k in out ? `${out[k]}, ${raw[i + 1]}` : raw[i + 1];
  }
  return out;
}
