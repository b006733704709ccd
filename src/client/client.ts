/**
 * The typed client: `api.call('getAsset', { path: { asset: id } })`. It builds a plain request
 * record, sends it through an injected transport with a timeout, turns the outcome into an
 * Exchange (a transport failure included, never thrown) and hands it to the middleware, which
 * records it, judges it and counts it for coverage.
 */
import { randomBytes } from 'node:crypto';
import { HarnessError } from '../core/errors.js';
import type { Exchange, Intent } from '../core/types.js';
import { matchOperation, pathMatchers, type PathMatcher } from '../contract/operations.js';
import type { LoadedSpec, Operation } from '../contract/types.js';
import { essence, isJsonMedia } from '../validate/media.js';
import { buildRequest, joinUrl, type RequestArgs } from './build.js';
import { transportErrorLine } from './transport/errors.js';
import type {
  Around,
  CallOptions,
  CallResult,
  InitArgs,
  Middleware,
  OperationId,
  Operations,
  Transport,
} from './types.js';

/** What a client is made of; everything but the target and the transport has a default. */
export interface ClientOptions {
  baseUrl: string;
  spec: LoadedSpec;
  transport: Transport;
  /** Per-request timeout (PIECES_TIMEOUT_MS); default 10 s. */
  timeoutMs?: number;
  /** The timeout of one request by its operation and body (the time budgets); undefined: `timeoutMs`. */
  timeoutOf?: (operationId: string | undefined, body: unknown) => number | undefined;
  middleware?: Middleware[];
  /** Wraps each exchange, e.g. in `test.step`. */
  around?: Around;
}

/** The default per-request timeout. */
const DEFAULT_TIMEOUT_MS = 10_000;

/** A typed client for one target; one instance per test (its middleware holds the test's recorder). */
export class ApiClient {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  private readonly matchers: PathMatcher[];
  private readonly middleware: Middleware[];
  private readonly prefix = randomBytes(3).toString('hex');
  private counter = 0;

  constructor(private readonly opts: ClientOptions) {
    this.baseUrl = opts.baseUrl;
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.matchers = pathMatchers(opts.spec.operations.values());
    this.middleware = [...(opts.middleware ?? [])];
  }

  /** Adds a middleware (runs after the ones given at construction). */
  use(mw: Middleware): this {
    this.middleware.push(mw);
    return this;
  }

  /** Calls an operation by operationId with typed parameters and body; answers the parsed 2xx body as `data`. */
  async call<K extends OperationId>(
    operationId: K,
    ...[init]: InitArgs<K>
  ): Promise<CallResult<Operations[K]['response']>> {
    const op = this.opts.spec.operations.get(operationId);
    if (!op) throw new HarnessError('usage', `unknown operationId "${operationId}" in ${this.opts.spec.file}`);
    const args = (init ?? {}) as RequestArgs & CallOptions;
    return this.send(op, args) as Promise<CallResult<Operations[K]['response']>>;
  }

  /** Calls an operation with untyped arguments (negative tests: wrong types, unknown ids, invalid flags). */
  async callLoose(operationId: OperationId, args: RequestArgs & CallOptions = {}): Promise<CallResult<unknown>> {
    const op = this.opts.spec.operations.get(operationId);
    if (!op) throw new HarnessError('usage', `unknown operationId "${operationId}" in ${this.opts.spec.file}`);
    return this.send(op, args);
  }

  /** Sends any method + path (matched to the contract when it can be); for requests outside the typed surface. */
  async request(method: string, path: string, args: RequestArgs & CallOptions = {}): Promise<CallResult<unknown>> {
    return this.send({ operationId: `${method.toUpperCase()} ${path}`, method, path }, args);
  }

  private async send(
    op: Pick<Operation, 'operationId' | 'method' | 'path'>,
    args: RequestArgs & CallOptions,
  ): Promise<CallResult<unknown>> {
    const request = buildRequest(this.baseUrl, op, args);
    const pathname = new URL(request.url).pathname.slice(new URL(joinUrl(this.baseUrl, '/')).pathname.length - 1);
    const matched = matchOperation(this.matchers, request.method, pathname);
    const intent: Intent = args.intent ?? 'positive';
    for (const mw of this.middleware) {
      mw.onRequest?.({
        operation: matched?.operation,
        pathParams: matched?.pathParams,
        request,
        body: args.rawBody === undefined ? args.body : undefined,
        intent,
        note: args.note,
      });
    }
    const label = `${matched?.operation.operationId ?? 'unmatched'}: ${request.method} ${pathname}${intent === 'positive' ? '' : ` (${intent}${args.note ? `: ${args.note}` : ''})`}`;
    const run = async () => {
      const timeoutMs =
        args.timeoutMs ?? this.opts.timeoutOf?.(matched?.operation.operationId, args.body) ?? this.timeoutMs;
      const exchange: Exchange = {
        id: `${this.prefix}-${++this.counter}`,
        operationId: matched?.operation.operationId,
        pathParams: matched?.pathParams,
        request,
        startedAt: Date.now(),
        durationMs: 0,
        intent,
        ...(args.note ? { note: args.note } : {}),
        ...(args.expectation ? { expectation: args.expectation } : {}),
      };
      const t0 = performance.now();
      try {
        exchange.response = await this.opts.transport(request, { timeoutMs });
      } catch (err) {
        exchange.error = transportErrorLine(err, timeoutMs);
      }
      exchange.durationMs = Math.round((performance.now() - t0) * 10) / 10;
      for (const mw of this.middleware) await mw.onExchange?.(exchange, matched?.operation);
      return resultOf(exchange);
    };
    return this.opts.around ? this.opts.around(label, run) : run();
  }
}

/** The CallResult of a finished exchange: a 2xx body is parsed (JSON by media type, else text). */
export function resultOf(exchange: Exchange): CallResult<unknown> {
  const res = exchange.response;
  if (!res) return { exchange, status: 0, ok: false, headers: {}, text: '', data: undefined };
  const ok = res.status >= 200 && res.status < 300;
  let data: unknown;
  if (ok) {
    const media = essence(res.headers['content-type']);
    if (isJsonMedia(media)) {
      try {
        data = JSON.parse(res.body);
      } catch {
        data = undefined;
      }
    } else {
      data = res.body;
    }
  }
  return { exchange, status: res.status, ok, headers: res.headers, text: res.body, data };
}
