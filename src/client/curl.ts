/** A cURL command that reproduces an exchange's request, quoted for POSIX shells. */
import type { Exchange, RequestRecord } from '../core/types.js';

/** Quotes one word for a POSIX shell: single quotes, with `'` written as `'\''`. */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_/:.,=@%+-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Headers curl computes itself; sending them again could contradict the body curl sends. */
const COMPUTED = new Set(['content-length', 'host', 'connection', 'transfer-encoding']);

/** The curl command of a request (`-X` only when the method is not what curl would pick). */
export function requestToCurl(req: RequestRecord, opts: { maxTimeSeconds?: number } = {}): string {
  const parts = ['curl', '-sS', '-i'];
  const hasBody = req.body !== undefined;
  const implied = hasBody ? 'POST' : 'GET';
  if (req.method.toUpperCase() !== implied) parts.push('-X', req.method.toUpperCase());
  if (opts.maxTimeSeconds) parts.push('--max-time', String(opts.maxTimeSeconds));
  parts.push(shellQuote(req.url));
  for (const [k, v] of Object.entries(req.headers)) {
    if (!COMPUTED.has(k.toLowerCase())) parts.push('-H', shellQuote(`${k}: ${v}`));
  }
  if (hasBody) {
    // A NUL byte cannot travel in a shell argument: pipe the body in, base64-encoded.
    if (req.body!.includes('\0')) {
      const b64 = Buffer.from(req.body!, 'utf8').toString('base64');
      return `printf %s ${shellQuote(b64)} | base64 -d | ${parts.join(' ')} --data-binary @-`;
    }
    parts.push('--data-binary', shellQuote(req.body!));
  }
  return parts.join(' ');
}

/** The curl command that reproduces an exchange (with its timeout when it timed out). */
export function toCurl(exchange: Exchange): string {
  const timedOut = exchange.error?.startsWith('timed out');
  return requestToCurl(exchange.request, timedOut ? { maxTimeSeconds: Math.ceil(exchange.durationMs / 1000) + 1 } : {});
}
