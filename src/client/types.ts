/** The typed client's shapes: what a call takes, what it answers, transports and middleware. */
import type { Exchange, Intent, RequestRecord, ResponseRecord } from '../core/types.js';
import type { Operation } from '../contract/types.js';
import type { ExpectationId } from '../checks/basis.js';
import type { OperationId, Operations } from './generated/contract.js';

export type { OperationId, Operations };

/** Sends one plain request record and answers the plain response (never a library object). */
export type Transport = (request: RequestRecord, opts: { timeoutMs: number }) => Promise<ResponseRecord>;

/** What every call may carry besides its parameters. */
export interface CallOptions {
  /** Extra request headers (names are lower-cased when recorded). */
  headers?: Record<string, string>;
  /** A body sent verbatim (malformed JSON, wrong types); wins over `body`. */
  rawBody?: string;
  /** positive (default): must be accepted; negative: must be refused with 4xx; neutral: no verdict. */
  intent?: Intent;
  /** Why the request was made, shown in reports (`negative: missing asset.format`). */
  note?: string;
  /** The named expectation this request is held to, beyond its check's own (src/checks/basis.ts). */
  expectation?: ExpectationId;
  /** Overrides the client's timeout for this call. */
  timeoutMs?: number;
}

type PathPart<K extends OperationId> = [Operations[K]['pathParams']] extends [never]
  ? { path?: undefined }
  : { path: Operations[K]['pathParams'] };
type QueryPart<K extends OperationId> = [Operations[K]['query']] extends [never]
  ? { query?: undefined }
  : { query?: Operations[K]['query'] };
type BodyPart<K extends OperationId> = [Operations[K]['body']] extends [never]
  ? { body?: undefined }
  : { body?: Operations[K]['body'] };

/** The arguments of `api.call(id, init)`: `path` is required exactly when the operation has path parameters. */
export type CallInit<K extends OperationId> = PathPart<K> & QueryPart<K> & BodyPart<K> & CallOptions;

/** Whether `init` may be left out (the operation has no path parameters). */
export type InitArgs<K extends OperationId> = [Operations[K]['pathParams']] extends [never]
  ? [init?: CallInit<K>]
  : [init: CallInit<K>];

/** What a call answers: the raw facts plus the parsed 2xx body. */
export interface CallResult<T = unknown> {
  exchange: Exchange;
  /** 0 when there was no response (see `exchange.error`). */
  status: number;
  ok: boolean;
  headers: Record<string, string>;
  text: string;
  /** The parsed body of a 2xx answer (JSON, or the text for text/plain), else undefined. */
  data: T | undefined;
}

/** A request about to be sent, for middleware that inspects it. */
export interface PreparedRequest {
  operation?: Operation;
  /** The decoded path parameters, when the request matched an operation. */
  pathParams?: Record<string, string>;
  request: RequestRecord;
  /** The structured body before serialising (undefined for rawBody or no body). */
  body?: unknown;
  intent: Intent;
  note?: string;
}

/** Hooks around every exchange: inspect the request, then see the finished exchange. */
export interface Middleware {
  onRequest?(req: PreparedRequest): void;
  onExchange?(exchange: Exchange, operation: Operation | undefined): void | Promise<void>;
}

/** Wraps each exchange (e.g. in a Playwright `test.step`, one step per request). */
export type Around = <T>(label: string, run: () => Promise<T>) => Promise<T>;
