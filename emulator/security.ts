/**
 * The emulator's security policy, on REST and on WebSocket upgrades alike (both pass Fastify's
 * onRequest). Two policies (`--security`):
 * - `observed` (the default): what real Pieces OS builds have been seen to do — every REST answer
 *   carries `Access-Control-Allow-Origin: *`, CORS preflights are granted to any origin, and no
 *   Host or Origin is refused. The harness reports this as security findings (--security report).
 * - `strict`: the loopback protections the harness's security checks expect —
 *   the Host header must name loopback (DNS-rebinding defence: a page on evil.example that
 *   resolves to 127.0.0.1 still sends `Host: evil.example`); a browser Origin must be loopback or a
 *   browser extension (cross-site request and WebSocket hijacking defence); requests without Origin
 *   (non-browser clients) are served; CORS answers name the allowed origin, never `*`.
 * Under strict, the security fault switches (faults/securityFaults.ts) each weaken one protection.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FaultSet } from './faults/index.js';
import { sendText } from './http.js';

/** The emulator's security policies. */
export const SECURITY_POLICIES = ['observed', 'strict'] as const;
export type SecurityPolicy = (typeof SECURITY_POLICIES)[number];

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const EXTENSION_SCHEMES = new Set(['chrome-extension:', 'moz-extension:', 'safari-web-extension:']);

/** The host name of a Host header without its port, lower-cased. */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.lastIndexOf(':');
  return colon === -1 ? h : h.slice(0, colon);
}

/** Whether a Host header names loopback (or the configured bind host). */
export function isAllowedHost(host: string | undefined, extra: ReadonlySet<string> = new Set()): boolean {
  if (!host) return false;
  const name = hostName(host);
  return LOOPBACK_HOSTS.has(name) || extra.has(name);
}

/** Whether a browser Origin may use the API: loopback web origins and browser extensions. */
export function isAllowedOrigin(origin: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (EXTENSION_SCHEMES.has(url.protocol)) return true;
  return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname);
}

function isUpgrade(req: FastifyRequest): boolean {
  return String(req.headers.upgrade ?? '').toLowerCase() === 'websocket';
}

/**
 * Answers 403. An upgrade request is answered on the raw socket, which is then ended: through
 * Fastify's reply, @fastify/websocket destroys the socket before the answer is flushed, and the
 * client would see a hang-up instead of the refusal.
 */
function refuse(req: FastifyRequest, reply: FastifyReply, text: string): FastifyReply {
  if (isUpgrade(req)) {
    reply.hijack();
    const body = Buffer.from(text, 'utf8');
    req.raw.socket.end(
      `HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
        `Content-Length: ${body.length}\r\n\r\n${text}`,
    );
    return reply;
  }
  return sendText(reply, 403, text);
}

/** Grants CORS to `allowOrigin` and answers a preflight (204) when this is one. */
function cors(req: FastifyRequest, reply: FastifyReply, allowOrigin: string): FastifyReply | undefined {
  reply.header('Access-Control-Allow-Origin', allowOrigin);
  if (allowOrigin !== '*') reply.header('Vary', 'Origin');
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
    reply.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    reply.header('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? 'content-type');
    reply.header('Access-Control-Max-Age', '600');
    if (req.headers['access-control-request-private-network'] === 'true') {
      reply.header('Access-Control-Allow-Private-Network', 'true');
    }
    return reply.code(204).send();
  }
  return undefined;
}

/** The observed policy: `*` for every REST answer and preflight; nothing refused. */
function observedHook() {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (isUpgrade(req)) return;
    return cors(req, reply, '*');
  };
}

/** The strict policy, less what the security fault switches turn off. */
function strictHook(extraHosts: ReadonlySet<string>, faults: FaultSet) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const upgrade = isUpgrade(req);
    const checkHost = upgrade ? !faults.has('ws-foreign-host-accepted') : !faults.has('rest-foreign-host-served');
    if (checkHost && !isAllowedHost(req.headers.host, extraHosts)) {
      return refuse(
        req,
        reply,
        'Forbidden: the Host header must name the loopback interface (localhost, 127.0.0.1 or [::1]).',
      );
    }
    const origin = req.headers.origin;
    if (origin === undefined) return;
    if (!upgrade && faults.has('cors-allow-any-origin')) return cors(req, reply, '*');
    if (!isAllowedOrigin(origin) && !(upgrade && faults.has('ws-foreign-origin-accepted'))) {
      return refuse(
        req,
        reply,
        `Forbidden: origin ${origin} may not use Pieces OS (only loopback and browser-extension origins may).`,
      );
    }
    if (upgrade) return;
    return cors(req, reply, origin);
  };
}

/** The onRequest hook of a policy. */
export function securityHook(policy: SecurityPolicy, extraHosts: ReadonlySet<string>, faults: FaultSet) {
  return policy === 'strict' ? strictHook(extraHosts, faults) : observedHook();
}
