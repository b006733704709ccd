/** A transport over a Playwright APIRequestContext (the `request` fixture): the edge adapter. */
import type { APIRequestContext } from '@playwright/test';
import type { Transport } from '../types.js';

/** Sends through Playwright so its tracing and reporting see the request; never throws on a status. */
export function playwrightTransport(context: APIRequestContext): Transport {
  return async (request, { timeoutMs }) => {
    const res = await context.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      data: request.body === undefined ? undefined : Buffer.from(request.body, 'utf8'),
      timeout: timeoutMs,
      failOnStatusCode: false,
      maxRedirects: 0,
    });
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers())) headers[k.toLowerCase()] = v;
    return { status: res.status(), headers, body: await res.text() };
  };
}
