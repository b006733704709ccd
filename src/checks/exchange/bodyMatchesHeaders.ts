/**
 * A check that an answer is what its headers say: a JSON media type carries a body that parses as
 * JSON, a documented text/plain body is not a JSON document mislabelled as text, and a Content-Length (when
 * present and the body is not content-encoded) counts the bytes actually received. Every operation,
 * documented status or not: a client reads the body by its headers before any schema applies.
 */
import { defineCheck } from '../define.js';
import { all, hasResponse, notWebSocket } from '../preconditions.js';
import { requestLine } from '../facts.js';
import { essence, isJsonMedia, responseFor } from '../../validate/media.js';
import type { Exchange } from '../../core/types.js';
import type { Operation } from '../../contract/types.js';

/** Statuses and methods that carry no body whatever their headers say (RFC 9110 §6.4.1). */
function bodiless(ex: Exchange): boolean {
  const s = ex.response!.status;
  return ex.request.method.toUpperCase() === 'HEAD' || s === 204 || s === 304 || (s >= 100 && s < 200);
}

/** Why `body` is not JSON, or undefined when it parses. */
function jsonError(body: string): string | undefined {
  try {
    JSON.parse(body);
    return undefined;
  } catch (err) {
    return String((err as Error).message ?? err).split('\n')[0];
  }
}

/** True when a text/plain body is a JSON object or array (a JSON document sent under the wrong label). */
function looksLikeJsonDocument(body: string): boolean {
  const t = body.trim();
  if (!((t.startsWith('{') && t.endsWith('}')) || (t.startsWith('[') && t.endsWith(']')))) return false;
  return jsonError(t) === undefined;
}

/**
 * Whether the contract documents a text/plain body for this status. A JSON document under
 * text/plain is judged only there: an undocumented answer (an error body of the server's own
 * making) is status_code_conformance's finding, and no document says what its text may hold.
 */
function documentsText(op: Operation | undefined, status: number): boolean {
  const content = op ? responseFor(op, status)?.content : undefined;
  return !!content && Object.keys(content).some((m) => essence(m) === 'text/plain');
}

/** `"{\"iterable\":[{\"id\"…"` (at most 40 characters, quoted). */
function head(body: string): string {
  return JSON.stringify(body.length > 40 ? `${body.slice(0, 40)}…` : body);
}

export default defineCheck({
  name: 'body_matches_headers',
  title: 'Response body is not what its headers say',
  kind: 'exchange',
  severity: 'high',
  basis: 'contract',
  why: 'The contract documents each body under its media type (application/json or text/plain); RFC 9110 §8.3 and §8.6 make Content-Type and Content-Length describe the content actually sent.',
  description:
    'A check that a JSON-labelled body parses as JSON, a text/plain body is not a mislabelled JSON document, and Content-Length counts the bytes received.',
  applies: all(hasResponse, notWebSocket),
  run: (ex: Exchange, ctx, fail) => {
    const res = ex.response!;
    if (bodiless(ex)) return [];
    const op = ctx.operation?.operationId ?? requestLine(ex.request.method, ex.request.url);
    const out = [];
    const media = essence(res.headers['content-type']);
    if (isJsonMedia(media)) {
      const why = jsonError(res.body);
      if (why !== undefined)
        out.push(
          fail(
            op,
            `Received: ${res.status} labelled ${media} whose body is not JSON (${why}); body starts ${head(res.body)}`,
            ex.id,
          ),
        );
    } else if (media === 'text/plain' && documentsText(ctx.operation, res.status) && looksLikeJsonDocument(res.body)) {
      out.push(
        fail(op, `Received: ${res.status} labelled text/plain whose body is a JSON document ${head(res.body)}`, ex.id),
      );
    }
    const declared = res.headers['content-length'];
    const encoded = (res.headers['content-encoding'] ?? 'identity').toLowerCase() !== 'identity';
    // Only text bodies: the recorded body is their decoded text, whose UTF-8 length is the byte count.
    const textual = isJsonMedia(media) || media?.startsWith('text/') === true;
    if (declared !== undefined && !encoded && textual) {
      const bytes = Buffer.byteLength(res.body, 'utf8');
      if (!/^\d+$/.test(declared.trim()) || Number(declared) !== bytes)
        out.push(fail(op, `Received: Content-Length ${JSON.stringify(declared)} for a body of ${bytes} bytes`, ex.id));
    }
    return out;
  },
});
