/** Building blocks shared by every shape: timestamps, byte sizes, the embedded schema marker. */

/** The contract's GroupedTimestamp. */
export interface GroupedTimestamp {
  value: string;
  readable: string;
}

/** The `schema` marker real Pieces OS puts on its top-level objects. */
export const SCHEMA = Object.freeze({ migration: 0, semantic: 'MAJOR_0_MINOR_0_PATCH_1' });

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A GroupedTimestamp for an ISO-8601 instant, with a readable form like the real one. */
export function stamp(iso: string): GroupedTimestamp {
  const d = new Date(iso);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return {
    value: iso,
    readable: `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} ${hh}:${mm} UTC`,
  };
}

/** Now as ISO-8601, strictly after `previous` so that an update always moves `updated` forward. */
export function nowAfter(previous?: string): string {
  const now = Date.now();
  const prev = previous ? Date.parse(previous) : NaN;
  return new Date(Number.isFinite(prev) && prev >= now ? prev + 1 : now).toISOString();
}

/** The contract's ByteDescriptor for a byte count ("1.2 KB"). */
export function byteDescriptor(value: number): { value: number; readable: string } {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = value;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return { value, readable: i === 0 ? `${value} B` : `${v.toFixed(1)} ${units[i]}` };
}

/** Keeps only the listed keys that are present (requests may carry fields we do not store). */
export function pick<T extends object>(src: any, keys: readonly string[]): T {
  const out: Record<string, unknown> = {};
  if (src && typeof src === 'object') for (const k of keys) if (src[k] !== undefined) out[k] = src[k];
  return out as T;
}

/** The Application fields the contract defines, copied from a request. */
export function cleanApplication(app: any): any {
  return pick(app, [
    'schema',
    'id',
    'name',
    'version',
    'platform',
    'onboarded',
    'privacy',
    'capabilities',
    'mechanism',
    'automaticUnload',
  ]);
}
