/** One short line for a transport failure, the same whichever library raised it. */

/** `timed out after 10000 ms` for timeouts, else the first line of the error's message. */
export function transportErrorLine(err: unknown, timeoutMs: number): string {
  const any = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  const msg = String(any?.message ?? err).split('\n')[0];
  if (any?.name === 'TimeoutError' || any?.name === 'AbortError' || /timeout|timed out/i.test(msg)) {
    return `timed out after ${timeoutMs} ms`;
  }
  const code = any?.cause?.code;
  if (code) return `${code}: ${any.cause?.message ?? msg}`;
  return any?.cause?.message ? `${msg}: ${any.cause.message}` : msg;
}
