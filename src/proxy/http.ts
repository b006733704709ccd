/**
 * One HTTP exchange through the proxy: the request streams to the target and the response streams
 * back as they come (status, status text, headers and bytes unchanged but for hop-by-hop fields),
 * while copies of both bodies are kept on the side; the exchange is judged after the response has
 * ended, off the response's path, so validation adds no latency to it.
 */
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Exchange, Intent } from '../core/types.js';
import { matchOperation, type PathMatcher } from '../contract/operations.js';
import type { ValidatorSet } from '../validate/validators.js';
import { forwardHeaders, headerRecord } from './headers.js';
import type { ProxyMonitor } from './monitor.js';
import type { HarRecorder } from '../report/har/recorder.js';

/** What every forwarded request shares. */
export interface HttpContext {
  target: URL;
  /** `host:port` of the target, for a loopback Host. */
  targetHost: string;
  /** Keep Host as the client sent it. */
  preserveHost: boolean;
  agent: http.Agent;
  matchers: PathMatcher[];
  validators: ValidatorSet;
  monitor: ProxyMonitor;
  /** Bodies larger than this are forwarded whole but not validated. */
  maxBodyBytes: number;
  nextId(): string;
  /** Called after each exchange was judged (tests and the bench wait on it). */
  onJudged?(ex: Exchange): void;
  /** The session's HAR (`--har FILE`), when one is kept. */
  har?: HarRecorder;
}

/** A body copy that stops growing past a cap. */
class BodyCopy {
  private readonly chunks: Buffer[] = [];
  size = 0;
  truncated = false;
  constructor(private readonly cap: number) {}
  add(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.truncated) return;
    if (this.size > this.cap) {
      this.truncated = true;
      this.chunks.length = 0;
      return;
    }
    this.chunks.push(chunk);
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/** The path part of a request target (`/asset/1?x=2` → `/asset/1`). */
export function pathnameOf(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

/** Forwards one request and judges the exchange once it has ended. */
export function forwardHttp(req: IncomingMessage, res: ServerResponse, ctx: HttpContext): void {
  const startedAt = Date.now();
  const t0 = performance.now();
  const reqBody = new BodyCopy(ctx.maxBodyBytes);
  const resBody = new BodyCopy(ctx.maxBodyBytes);
  const url = req.url ?? '/';
  let status: number | undefined;
  let resHeaders: string[] = [];
  let error: string | undefined;
  let finished = false;

  const upstream = http.request({
    protocol: ctx.target.protocol,
    hostname: ctx.target.hostname,
    port: ctx.target.port,
    method: req.method,
    path: url,
    agent: ctx.agent,
    headers: forwardHeaders(req.rawHeaders, { targetHost: ctx.preserveHost ? undefined : ctx.targetHost }),
  });
  req.on('data', (c: Buffer) => reqBody.add(c));
  req.pipe(upstream);
  // The response must not gain a Date the target did not send.
  res.sendDate = false;

  upstream.on('response', (ures) => {
    status = ures.statusCode ?? 0;
    resHeaders = ures.rawHeaders;
    res.writeHead(status, ures.statusMessage, forwardHeaders(ures.rawHeaders));
    ures.on('data', (c: Buffer) => resBody.add(c));
    ures.pipe(res);
    ures.on('end', () => finish());
    // The target broke off mid-answer: the client's response is cut off the same way.
    ures.on('error', (e) => {
      error = `the response was cut off: ${e.message}`;
      res.destroy();
      finish();
    });
  });
  upstream.on('error', (e: NodeJS.ErrnoException) => {
    error = `${e.code ?? 'error'}: ${e.message}`;
    if (!res.headersSent) {
      res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`pieces-conformance proxy: the target ${ctx.target.origin} did not answer (${error})\n`);
    } else {
      res.destroy();
    }
    finish();
  });
  // The client went away before the answer was complete: stop the target's work too.
  res.on('close', () => {
    if (!res.writableFinished) {
      upstream.destroy();
      if (!finished) finish(true);
    }
  });

  function finish(clientGone = false): void {
    if (finished) return;
    finished = true;
    const durationMs = Math.round((performance.now() - t0) * 10) / 10;
    setImmediate(() => judge(clientGone, durationMs));
  }

  function judge(clientGone: boolean, durationMs: number): void {
    const pathname = pathnameOf(url);
    const matched = matchOperation(ctx.matchers, req.method ?? 'GET', pathname);
    const bodyText = reqBody.size > 0 && !reqBody.truncated ? reqBody.text() : undefined;
    const intent = matched
      ? requestIntent(ctx, matched.operation.operationId, url, matched.pathParams, req.rawHeaders, bodyText)
      : { intent: 'neutral' as const };
    const ex: Exchange = {
      id: ctx.nextId(),
      operationId: matched?.operation.operationId,
      pathParams: matched?.pathParams,
      request: {
        method: req.method ?? 'GET',
        url: `${ctx.target.origin}${url}`,
        headers: headerRecord(req.rawHeaders),
        ...(bodyText !== undefined ? { body: bodyText } : {}),
      },
      // A response the target cut off is a transport failure, not a body to validate.
      ...(status !== undefined && !error
        ? { response: { status, headers: headerRecord(resHeaders), body: resBody.truncated ? '' : resBody.text() } }
        : {}),
      ...(error ? { error } : {}),
      startedAt,
      durationMs,
      intent: intent.intent,
      ...(intent.note ? { note: intent.note } : {}),
    };
    // An exchange the client abandoned says nothing about the target.
    if (clientGone) return;
    ctx.monitor.judgeExchange(ex, matched?.operation, pathname, { bodyUnchecked: resBody.truncated });
    ctx.har?.exchange(ex);
    ctx.onJudged?.(ex);
  }
}

/**
 * A proxied request's intent. The proxy cannot know whether a valid request should succeed (an
 * id may be gone), so it is neutral; a request whose body or parameters break the contract is
 * negative (the target must refuse it with a 4xx), and is noted as a finding on the client's side.
 */
export function requestIntent(
  ctx: Pick<HttpContext, 'validators' | 'monitor'>,
  operationId: string,
  url: string,
  pathParams: Record<string, string>,
  rawHeaders: readonly string[],
  body: string | undefined,
): { intent: Intent; note?: string } {
  const headers = headerRecord(rawHeaders);
  const query: Record<string, string> = {};
  const q = url.indexOf('?');
  if (q >= 0) for (const [k, v] of new URLSearchParams(url.slice(q + 1))) query[k] = v;
  const problems = ctx.validators
    .validateParameters(operationId, { path: pathParams, query, headers })
    .filter((d) => d.severity === 'error');
  const op = ctx.validators.spec.operations.get(operationId);
  if (op?.requestBody && (body !== undefined || op.requestBody.required)) {
    const v = ctx.validators.validateRequestBody(operationId, headers['content-type'], body ?? '');
    problems.push(...v.diagnostics.filter((d) => d.severity === 'error'));
  }
  if (problems.length === 0) return { intent: 'neutral' };
  const note = `the request breaks the contract: ${problems
    .slice(0, 2)
    .map((d) => d.message)
    .join('; ')}`;
  ctx.monitor.noteRequestFinding(operationId, note);
  return { intent: 'negative', note };
}
