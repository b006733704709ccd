/** The smoke run's content and text helpers: the snippet it sends, the content check, the SDK's error as one line. */
import { randomBytes } from 'node:crypto';
import type { ContentCheck } from './types.js';

/** A snippet that only round-trips when stored exactly (whitespace, CRLF, tab, non-ASCII, an astral character). */
export function smokeContent(token: string): string {
  return `  \n\tfunction ${token}() {\r\n  return "caf\u00e9 \u{1F680} ${token}";\n}\n  `;
}

/** A search-friendly token (letters only). */
export function searchToken(): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  return `zq${[...randomBytes(10)].map((b) => letters[b % letters.length]).join('')}`;
}

/** The text on one line (whitespace runs collapsed), cut to `max` characters with an ellipsis. */
export function oneLine(text: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** The SDK's error as one line: its class, and for a ResponseError the status and the answer's start. */
export async function describeSdkError(err: any): Promise<string> {
  const name = String(err?.name ?? err?.constructor?.name ?? 'Error');
  if (name === 'ResponseError' && err?.response) {
    let text = '';
    try {
      text = await err.response.clone().text();
    } catch {
      /* body already read */
    }
    return `ResponseError: ${err.response.status}${text ? ` ${oneLine(text, 120)}` : ''}`;
  }
  if (name === 'FetchError') {
    const cause = err?.cause;
    return `FetchError: ${cause ? `${cause.name ?? 'Error'}: ${oneLine(String(cause.message ?? cause))}` : oneLine(String(err?.message))}`;
  }
  if (name === 'RequiredError') return `RequiredError: ${oneLine(String(err?.message))}`;
  if (err instanceof SyntaxError) return `SyntaxError (the SDK parsing the answer as JSON): ${oneLine(err.message)}`;
  if (err instanceof TypeError) return `TypeError (the SDK's FromJSON reading the answer): ${oneLine(err.message)}`;
  return `${name}: ${oneLine(String(err?.message ?? err))}`;
}

/** The content check of an asset answer against what was sent. */
export function contentOf(asset: any, sent: string): { content: ContentCheck; note: string } {
  const raw = asset?.original?.reference?.fragment?.string?.raw;
  if (typeof raw !== 'string')
    return { content: 'absent', note: 'original.reference.fragment.string.raw is not in the answer' };
  if (raw === sent)
    return { content: 'survives', note: 'content survives (original.reference.fragment.string.raw as sent)' };
  let i = 0;
  while (i < raw.length && i < sent.length && raw[i] === sent[i]) i++;
  return {
    content: 'changed',
    note: `content changed: original.reference.fragment.string.raw differs from what was sent at character ${i} (sent ${JSON.stringify(sent.slice(i, i + 12))}, got ${JSON.stringify(raw.slice(i, i + 12))}; ${sent.length} vs ${raw.length} characters)`,
  };
}
