/** A transport over Node's global fetch (for the CLI, property tests and anything outside Playwright). */
import type { Transport } from '../types.js';

/** Sends with fetch; redirects are not followed (a 3xx is the target's answer, not the harness's business). */
export function fetchTransport(fetchImpl: typeof fetch = fetch): Transport {
  return async (request, { timeoutMs }) => {
    const res = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      headers[k.toLowerCase()] = v;
    });
    return { status: res.status, headers, body: await res.text() };
  };
}
