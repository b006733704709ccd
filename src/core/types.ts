/** Shared, transport-free types of the harness: exchanges, diagnostics and severities. */

/** How bad a diagnostic is: an `error` fails a check, a `warning` is reported only. */
export type Severity = 'error' | 'warning';

/** One finding of a validator, as plain data. */
export interface Diagnostic {
  /** Where: e.g. `response body iterable[3].id`, `request query transferables`. */
  location: string;
  /** The JSON Schema keyword (or harness rule) that failed: `type`, `required`, `enum`, ... */
  keyword: string;
  /** One line of facts: `response body iterable[3].id must be string`. */
  message: string;
  severity: Severity;
}

/** The request side of an exchange, as sent. */
export interface RequestRecord {
  method: string;
  /** Absolute URL, query string included. */
  url: string;
  /** Header names lower-cased (RFC 9110 §5.1: field names are case-insensitive). */
  headers: Record<string, string>;
  /** The raw body text, when there was one. */
  body?: string;
}

/** The response side of an exchange, as received. */
export interface ResponseRecord {
  status: number;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** The raw body text. */
  body: string;
}

/** What a test meant by a request: a valid one (must be accepted) or an invalid one (must be refused). */
export type Intent = 'positive' | 'negative' | 'neutral';

/** One request and its response (or the transport error that replaced it), with timing. */
export interface Exchange {
  id: string;
  /** The contract operation this exchange exercised, when it matched one. */
  operationId?: string;
  pathParams?: Record<string, string>;
  request: RequestRecord;
  response?: ResponseRecord;
  /** A transport failure (refused, reset, timed out) instead of a response. */
  error?: string;
  /** Epoch milliseconds when the request was sent. */
  startedAt: number;
  durationMs: number;
  intent: Intent;
  /** Free text from the test: why this request was made (`negative: missing asset.format`). */
  note?: string;
  /**
   * The named expectation (src/checks/basis.ts) the test holds this request to, when it goes beyond
   * the check's own (e.g. `oversized-body-refused`): the failure carries that expectation's basis.
   */
  expectation?: string;
}
