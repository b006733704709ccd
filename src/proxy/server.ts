/**
 * The validation proxy: a loopback server that real clients (IDE plugins, the SDKs, a browser
 * extension) talk to instead of Pieces OS. Every HTTP exchange and every WebSocket message is
 * passed through unchanged and judged against the contract on the side; reports are written on
 * demand and when the proxy stops.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HarnessError } from '../core/errors.js';
import type { Exchange } from '../core/types.js';
import { pathMatchers } from '../contract/operations.js';
import type { LoadedSpec } from '../contract/types.js';
import { buildValidators, type ValidationMode } from '../validate/validators.js';
import { HarRecorder } from '../report/har/recorder.js';
import { forwardHttp } from './http.js';
import { ProxyMonitor } from './monitor.js';
import { QgptTap } from './qgptTap.js';
import { writeProxyReports, type ProxyReportFiles } from './report.js';
import { forwardUpgrade, relayServer, type Relay } from './websocket.js';

/** How a proxy is started. */
export interface ProxyOptions {
  /** The Pieces OS to forward to, e.g. `http://127.0.0.1:39300`. */
  target: string;
  spec: LoadedSpec;
  /** How the reports name the contract (`--contract`); default: its title and version. */
  contractLabel?: string;
  /** Default 127.0.0.1 (loopback only). */
  host?: string;
  /** Default 0 (a free port). */
  port?: number;
  validation?: ValidationMode;
  /** Where reports go (absolute); writeReports() and close() write there. */
  reportsDir: string;
  /** Forward Host as the client sent it (default: a loopback Host becomes the target's). */
  preserveHost?: boolean;
  /** Response and request bodies above this size are forwarded but not validated (default 8 MiB). */
  maxBodyBytes?: number;
  /** Called after each HTTP exchange was judged. */
  onJudged?(ex: Exchange): void;
  /** Silence (ms) after which an open streamed answer counts as never ending (default 10 s). */
  streamIdleMs?: number;
  /** The target's version for the reports (read from its /.well-known/version when not given). */
  targetVersion?: string;
  /** Also record the session as HAR 1.2 into this file (absolute), written with the reports. */
  harFile?: string;
}

/** A running proxy. */
export interface RunningProxy {
  url: string;
  port: number;
  monitor: ProxyMonitor;
  /** Writes the reports now (summary, coverage, Allure results, proxy.json; the HAR with harFile). */
  writeReports(): ProxyFiles;
  /** Stops accepting, closes relayed sockets (their open answers are judged), writes the reports. */
  close(): Promise<ProxyFiles>;
}

/** The reports a proxy writes, and its HAR when it keeps one. */
export type ProxyFiles = ProxyReportFiles & { har?: string };

/** The target's `/.well-known/version` (the proxy's own request, never a client's), or undefined. */
export async function readTargetVersion(target: URL, timeoutMs = 3000): Promise<string | undefined> {
  try {
    const res = await fetch(new URL('/.well-known/version', target), { signal: AbortSignal.timeout(timeoutMs) });
    const text = (await res.text()).trim();
    return res.ok && text.length > 0 && text.length < 64 ? text : undefined;
  } catch {
    return undefined;
  }
}

/** `host:port` of a URL, with the port its scheme implies when none is written. */
export function authorityOf(u: URL): string {
  return u.port ? u.host : `${u.host}:${u.protocol === 'https:' ? 443 : 80}`;
}

/** Starts a proxy in front of `target`. */
export async function startProxy(o: ProxyOptions): Promise<RunningProxy> {
  let target: URL;
  try {
    target = new URL(o.target);
  } catch {
    throw new HarnessError(
      'usage',
      `--target "${o.target}" is not a URL`,
      'use the base URL of Pieces OS, e.g. http://127.0.0.1:39300',
    );
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    throw new HarnessError('usage', `--target "${o.target}" is not an http(s) URL`, 'e.g. http://127.0.0.1:39300');
  const validators = buildValidators(o.spec, o.validation ?? 'strict');
  const monitor = new ProxyMonitor(validators);
  const matchers = pathMatchers(o.spec.operations.values());
  let n = 0;
  const nextId = () => `p${++n}`;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const wss = relayServer();
  const live = new Set<Relay>();
  const har = o.harFile ? new HarRecorder() : undefined;
  const common = {
    har,
    target,
    targetHost: authorityOf(target),
    preserveHost: o.preserveHost === true,
    matchers,
    validators,
    monitor,
    nextId,
  };
  const httpCtx = { ...common, agent, maxBodyBytes: o.maxBodyBytes ?? 8 * 1024 * 1024, onJudged: o.onJudged };
  const wsCtx = { ...common, wss, live, handshakeTimeoutMs: 10_000, streamIdleMs: o.streamIdleMs };

  const server = http.createServer({ keepAlive: true }, (req, res) => forwardHttp(req, res, httpCtx));
  server.on('upgrade', (req, socket, head) => forwardUpgrade(req, socket, head, wsCtx));
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        new HarnessError(
          'usage',
          `the proxy cannot listen on ${o.host ?? '127.0.0.1'}:${o.port ?? 0}: ${err.code ?? err.message}`,
          'pick another --port',
        ),
      ),
    );
    server.listen(o.port ?? 0, o.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = (o.host ?? '127.0.0.1').includes(':') ? `[${o.host}]` : (o.host ?? '127.0.0.1');
  const url = `http://${host}:${port}`;

  let targetVersion = o.targetVersion;
  const versionRead = targetVersion
    ? Promise.resolve()
    : readTargetVersion(target).then((v) => {
        targetVersion = v;
      });
  const writeReports = (): ProxyFiles => {
    monitor.inFlight = [...live].reduce((k, r) => k + (r.tap instanceof QgptTap ? r.tap.inFlight : 0), 0);
    const harFile = har && o.harFile ? har.write(o.harFile) : undefined;
    const files = writeProxyReports(o.reportsDir, monitor, {
      proxyUrl: url,
      target: target.origin,
      targetVersion,
      validation: o.validation ?? 'strict',
      ...(o.contractLabel ? { contractLabel: o.contractLabel } : {}),
      spec: o.spec,
    });
    return harFile ? { ...files, har: harFile } : files;
  };
  let closing: Promise<ProxyFiles> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        for (const r of [...live]) {
          r.client?.close(1001, 'proxy stopping');
          r.upstream.close(1001, 'proxy stopping');
        }
        setTimeout(() => {
          server.closeAllConnections();
          for (const r of live) {
            r.client?.terminate();
            r.upstream.terminate();
          }
        }, 1000).unref();
      });
      agent.destroy();
      wss.close();
      await versionRead;
      // Judging happens on setImmediate after each exchange: let the last ones land.
      await new Promise((r) => setTimeout(r, 20));
      return writeReports();
    })());
  return { url, port, monitor, writeReports, close };
}
