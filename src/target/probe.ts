/** Probing a candidate target: does `/.well-known/health` answer a text starting with `ok`? */

/** What one probe found. */
export interface ProbeResult {
  url: string;
  healthy: boolean;
  status?: number;
  /** The health text (trimmed, at most 80 chars) or the transport error. */
  detail: string;
  ms: number;
}

/** GETs `<url>/.well-known/health` with a timeout; never throws. */
export async function probeHealth(
  url: string,
  timeoutMs: number,
  fetchImpl: typeof fetch = fetch,
): Promise<ProbeResult> {
  const t0 = performance.now();
  const done = (r: Omit<ProbeResult, 'url' | 'ms'>): ProbeResult => ({
    url,
    ms: Math.round(performance.now() - t0),
    ...r,
  });
  try {
    const res = await fetchImpl(`${url.replace(/\/+$/, '')}/.well-known/health`, {
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    const text = (await res.text()).trim().slice(0, 80);
    return done({ healthy: res.ok && /^ok/i.test(text), status: res.status, detail: text });
  } catch (err: any) {
    const timedOut = err?.name === 'TimeoutError' || err?.name === 'AbortError';
    const code = err?.cause?.code as string | undefined;
    const why = code ?? (err?.cause?.message ? `${err.message}: ${err.cause.message}` : String(err?.message ?? err));
    return done({ healthy: false, detail: timedOut ? `no answer within ${timeoutMs} ms` : why });
  }
}
