/** The coverage hit of one judged exchange. */
import type { Exchange } from '../core/types.js';
import { essence } from '../validate/media.js';
import type { CoverageHit } from './ledger.js';

/** The cell an exchange fills: its operation, status (0: no response) and media type (`-`: no body). */
export function hitOf(exchange: Exchange, checks: string[], failed: string[]): CoverageHit | undefined {
  if (!exchange.operationId) return undefined;
  const res = exchange.response;
  const media = res && res.body.length > 0 ? (essence(res.headers['content-type']) ?? '-') : '-';
  return { operationId: exchange.operationId, status: res?.status ?? 0, media, checks, failed, source: 'http' };
}
