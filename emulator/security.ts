/**
 * Loopback protections, on REST and on WebSocket upgrades alike (both pass Fastify's onRequest):
 * - the Host header must name loopback (DNS-rebinding defence: a page on evil.example that
 *   resolves to 127.0.0.1 still sends `Host: evil.example`);
 * - a browser Origin must be loopback or a browser extension (cross-site request and WebSocket
 *   hijacking defence); requests without Origin (non-browser clients) are served.
 * CORS preflights get the same verdict.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendText } from './http.js';

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

/**
 * Answers 403. An upgrade request is answered on the raw socket, which is then ended: through
 * Fastify's reply, @fastify/websocket destroys the socket before the answer is flushed, and the
 * client would see a hang-up instead of the refusal.
 */
function refuse(req: FastifyRequest, reply: FastifyReply, text: string): FastifyReply {
  if (String(req.headers.upgrade ?? '').toLowerCase() === 'websocket') {
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

/** The onRequest hook enforcing Host and Origin and answering CORS preflights. */
export function securityHook(extraHosts: ReadonlySet<string>) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (!isAllowedHost(req.headers.host, extraHosts)) {
      return refuse(
        req,
        reply,
        'Forbidden: the Host header must name the loopback interface (localhost, 127.0.0.1 or [::1]).',
      );
    }
    const origin = req.headers.origin;
    if (origin === undefined) return;
    if (!isAllowedOrigin(origin)) {
      return refuse(
        req,
        reply,
        `Forbidden: origin ${origin} may not use Pieces OS (only loopback and browser-extension origins may).`,
      );
    }
    reply.header('Access-Control-Allow-Origin', origin);
    reply.header('Vary', 'Origin');
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      reply.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      reply.header('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? 'content-type');
      reply.header('Access-Control-Max-Age', '600');
      if (req.headers['access-control-request-private-network'] === 'true') {
        reply.header('Access-Control-Allow-Private-Network', 'true');
      }
      return reply.code(204).send();
    }
  };
}
