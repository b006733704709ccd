/**
 * Security probes: a REST request or a WebSocket upgrade with a foreign `Host` or `Origin`, made
 * with node's own clients (a fetch-based client would not let the Host header through). The
 * answer's body is drained unread: only the status and the CORS headers are evidence.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import WebSocket from 'ws';
import type { ForeignHeader, SecurityProbe } from './types.js';

/** What to send. */
export interface ProbeRequest {
  baseUrl: string;
  operation: string;
  method: string;
  path: string;
  header: ForeignHeader;
  value: string;
  /** Further headers, e.g. a preflight's Access-Control-Request-Method. */
  headers?: Record<string, string>;
  timeoutMs: number;
}

/** The Access-Control-* and Vary headers of an answer. */
function corsHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v !== undefined && (k.startsWith('access-control-') || k === 'vary'))
      out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

function probeOf(r: ProbeRequest, transport: SecurityProbe['transport'], url: string): SecurityProbe {
  return {
    transport,
    operation: r.operation,
    method: r.method,
    url,
    header: r.header,
    value: r.value,
    requestHeaders: { ...(r.headers ?? {}) },
    opened: false,
    cors: {},
    durationMs: 0,
  };
}

/** Sends one REST request with the foreign header; resolves with what happened (never rejects). */
export function probeRest(r: ProbeRequest): Promise<SecurityProbe> {
  const url = new URL(r.path, r.baseUrl).toString();
  const probe = probeOf(r, 'rest', url);
  const started = Date.now();
  return new Promise((resolve) => {
    let settled = false;
    const done = (error?: string) => {
      if (settled) return;
      settled = true;
      if (error) probe.error = error;
      probe.durationMs = Date.now() - started;
      resolve(probe);
    };
    const headers: Record<string, string> = { 'user-agent': 'pieces-os-conformance', ...(r.headers ?? {}) };
    headers[r.header] = r.value;
    const send = url.startsWith('https:') ? httpsRequest : httpRequest;
    const req = send(url, { method: r.method, headers, timeout: r.timeoutMs }, (res) => {
      probe.status = res.statusCode;
      probe.cors = corsHeaders(res.headers);
      res.resume();
      res.once('end', () => done());
      res.once('error', (e) => done(e.message));
    });
    req.once('timeout', () => {
      req.destroy();
      done(`no answer within ${r.timeoutMs} ms`);
    });
    req.once('error', (e) => done(e.message));
    req.end();
  });
}

/** Tries to open a WebSocket with the foreign header; resolves with what happened (never rejects). */
export function probeUpgrade(r: Omit<ProbeRequest, 'method' | 'headers'>): Promise<SecurityProbe> {
  const url = new URL(r.path, r.baseUrl.replace(/^http/, 'ws')).toString();
  const probe = probeOf({ ...r, method: 'GET' }, 'websocket', url);
  const started = Date.now();
  return new Promise((resolve) => {
    const options: WebSocket.ClientOptions = { handshakeTimeout: r.timeoutMs };
    if (r.header === 'origin') options.origin = r.value;
    else options.headers = { Host: r.value };
    const ws = new WebSocket(url, options);
    let settled = false;
    const done = () => {
      if (settled) return;
      settled = true;
      probe.durationMs = Date.now() - started;
      resolve(probe);
    };
    ws.once('upgrade', (res) => {
      probe.status = res.statusCode;
      probe.cors = corsHeaders(res.headers);
    });
    ws.once('open', () => {
      probe.opened = true;
      ws.close(1000);
      done();
    });
    ws.once('unexpected-response', (_req, res) => {
      probe.status = res.statusCode;
      probe.cors = corsHeaders(res.headers);
      res.resume();
      ws.terminate();
      done();
    });
    ws.once('error', (err) => {
      probe.error = err.message;
      done();
    });
  });
}
