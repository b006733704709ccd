/**
 * HAR 1.2, the HTTP Archive format (http://www.softwareishard.com/blog/har-12-spec/; the W3C
 * draft https://w3c.github.io/web-performance/specs/HAR/Overview.html), as this harness writes and
 * reads it. WebSocket messages ride on the upgrade's entry as `_webSocketMessages`, the form
 * Chrome's DevTools exports (custom fields start with `_`, which HAR 1.2 allows). The harness's own
 * fields: `_operationId`, `_intent`, `_note`, `_project`, `_test`, `_error` (a transport failure).
 */

/** A header, query parameter or cookie. */
export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarPostData {
  mimeType: string;
  text?: string;
  params?: Array<HarNameValue & { fileName?: string; contentType?: string }>;
}

export interface HarRequest {
  method: string;
  url: string;
  httpVersion: string;
  cookies: HarNameValue[];
  headers: HarNameValue[];
  queryString: HarNameValue[];
  postData?: HarPostData;
  /** -1: not known. */
  headersSize: number;
  bodySize: number;
}

export interface HarContent {
  /** Length of the returned content in bytes (before any cut of `text`). */
  size: number;
  mimeType: string;
  text?: string;
  encoding?: string;
  comment?: string;
}

export interface HarResponse {
  /** 0: no response (a transport failure, see the entry's `_error`). */
  status: number;
  statusText: string;
  httpVersion: string;
  cookies: HarNameValue[];
  headers: HarNameValue[];
  content: HarContent;
  redirectURL: string;
  headersSize: number;
  bodySize: number;
}

/** One WebSocket message, as Chrome exports it: `time` in epoch seconds, opcode 1 text, 2 binary. */
export interface HarWebSocketMessage {
  type: 'send' | 'receive';
  time: number;
  opcode: number;
  data: string;
}

export interface HarTimings {
  send: number;
  wait: number;
  receive: number;
  blocked?: number;
  dns?: number;
  connect?: number;
  ssl?: number;
}

export interface HarEntry {
  startedDateTime: string;
  /** Total time of the request in ms. */
  time: number;
  request: HarRequest;
  response: HarResponse;
  cache: Record<string, unknown>;
  timings: HarTimings;
  comment?: string;
  /** `websocket` on a WebSocket upgrade entry (Chrome's resource type). */
  _resourceType?: string;
  _webSocketMessages?: HarWebSocketMessage[];
  _operationId?: string;
  _intent?: string;
  _note?: string;
  _project?: string;
  _test?: string;
  _error?: string;
}

export interface HarLog {
  version: string;
  creator: { name: string; version: string; comment?: string };
  browser?: { name: string; version: string };
  pages?: unknown[];
  entries: HarEntry[];
  comment?: string;
}

/** A HAR document. */
export interface Har {
  log: HarLog;
}
