/** Building a plain request record from an operation and its arguments (no transport involved). */
import { HarnessError } from '../core/errors.js';
import type { RequestRecord } from '../core/types.js';
import type { Operation } from '../contract/types.js';

/** The loose arguments `buildRequest` takes (the typed client narrows them). */
export interface RequestArgs {
  path?: Record<string, string | number>;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
}

/** Fills a path template; every value is percent-encoded (RFC 3986 §3.3 segment). */
export function fillPath(
  template: string,
  values: Record<string, string | number> = {},
  operationId = template,
): string {
  return template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const v = values[name];
    if (v === undefined) throw new HarnessError('usage', `${operationId}: path parameter "${name}" is missing`);
    return encodeURIComponent(String(v));
  });
}

/** The query string of the defined values, `?a=1&b=true`, or empty. */
export function queryString(query: RequestArgs['query'] = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.append(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** `baseUrl` + path: joins without doubling or dropping the slash between them. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The request record of one call; a JSON body gets `content-type: application/json` unless a header says otherwise. */
export function buildRequest(
  baseUrl: string,
  op: Pick<Operation, 'operationId' | 'method' | 'path'>,
  args: RequestArgs = {},
): RequestRecord {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(args.headers ?? {})) headers[k.toLowerCase()] = v;
  let body: string | undefined;
  if (args.rawBody !== undefined) body = args.rawBody;
  else if (args.body !== undefined) body = JSON.stringify(args.body);
  if (body !== undefined && !('content-type' in headers)) headers['content-type'] = 'application/json';
  const url = joinUrl(baseUrl, fillPath(op.path, args.path, op.operationId)) + queryString(args.query);
  return { method: op.method.toUpperCase(), url, headers, ...(body !== undefined ? { body } : {}) };
}
