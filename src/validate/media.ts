/** Picking the documented response and media type for what a target answered. */
import type { Operation, ResponseSpec, Schema } from '../contract/types.js';

/** The media type without parameters, lower-cased: `Application/JSON; charset=utf-8` → `application/json`. */
export function essence(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const base = contentType.split(';')[0].trim().toLowerCase();
  return base || undefined;
}

/** True for JSON media types (`application/json`, `application/problem+json`, ...). */
export function isJsonMedia(media: string | undefined): boolean {
  return !!media && (media === 'application/json' || media.endsWith('+json'));
}

/**
 * The response that documents `status`: the exact code, then its range (`4XX`), then `default`
 * (OAS 3 §4.7.16: "default ... for all HTTP codes that are not covered individually").
 */
export function responseFor(op: Operation, status: number): ResponseSpec | undefined {
  const code = String(status);
  return op.responses[code] ?? op.responses[`${code[0]}XX`] ?? op.responses.DEFAULT;
}

/** The documented media type matching a received Content-Type: exact, then `type/*`, then `*\/*`. */
export function mediaFor(
  content: Record<string, Schema | undefined>,
  contentType: string | undefined,
): string | undefined {
  const media = essence(contentType);
  if (!media) return undefined;
  if (media in content) return media;
  const wildcard = `${media.split('/')[0]}/*`;
  if (wildcard in content) return wildcard;
  if ('*/*' in content) return '*/*';
  return undefined;
}
