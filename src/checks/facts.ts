/** Small formatting helpers for the one line of facts a failure carries. */
import type { Operation } from '../contract/types.js';

/** At most `max` characters of a text, on one line, JSON-quoted: `"Asset gone…"`. */
export function excerpt(text: string | undefined, max = 80): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max)}…` : flat);
}

/** The documented statuses of an operation, in order: `200, 400, 410`. */
export function documentedStatuses(op: Operation): string {
  return Object.keys(op.responses)
    .map((s) => (s === 'DEFAULT' ? 'default' : s))
    .join(', ');
}

/** `METHOD /path` of an exchange's request (path only, no origin). */
export function requestLine(method: string, url: string): string {
  try {
    const u = new URL(url);
    let path = u.pathname;
    try {
      path = decodeURI(path);
    } catch {
      /* keep it encoded */
    }
    return `${method} ${path}${u.search}`;
  } catch {
    return `${method} ${url}`;
  }
}

/** ` after waiting 5000 ms` for a bounded eventual-consistency wait, or nothing when none was given. */
export function waited(ms: number | undefined): string {
  return ms === undefined ? '' : ` after waiting ${ms} ms`;
}
