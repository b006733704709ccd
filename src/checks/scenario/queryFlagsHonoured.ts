/**
 * A check that the assets snapshot honours its documented query flags, judged on the test's own
 * assets only: `transferables=false` leaves the transferable payloads out, a pseudo asset is listed
 * only with `pseudo=true` (upstream: "we will always default to false"), and a saved asset is listed
 * in the normal snapshot (`suggested=false`) and alongside the pseudo ones (`pseudo=true`).
 */
import { defineCheck } from '../define.js';
import { show } from '../diff.js';

/** The snapshot flags a request sent (absent: not sent). */
export interface SnapshotFlags {
  transferables?: boolean;
  suggested?: boolean;
  pseudo?: boolean;
}

/**
 * One snapshot read with `flags`: the assets it listed, and the ids of the test's own assets, a
 * saved (normal) one and a pseudo one (seeded with `asset.pseudo: true` and read back with
 * `pseudo: true`), when the test has them.
 */
export interface QueryFlagsFacts {
  operation: string;
  flags: SnapshotFlags;
  items: unknown[];
  saved?: string;
  pseudo?: string;
  waitedMs?: number;
}

type Json = Record<string, any>;

/** The payload encodings a format can carry (`fragment.string.raw`, `file.bytes.raw`, ...), as paths. */
const PAYLOADS = ['fragment', 'file'].flatMap((p) =>
  ['string', 'bytes'].flatMap((k) => ['raw', 'base64', 'base64_url', 'data_url'].map((e) => [p, k, e] as const)),
);

/** Every transferable payload an asset carries (in its original and its formats), as `path: value` lines. */
export function transferablePayloads(asset: Json): string[] {
  const formats: [string, Json | undefined][] = [
    ['original.reference', asset?.original?.reference],
    ...((asset?.formats?.iterable ?? []) as Json[]).map((f, i): [string, Json] => [`formats.iterable[${i}]`, f]),
  ];
  const out: string[] = [];
  for (const [where, format] of formats) {
    for (const [p, k, e] of PAYLOADS) {
      const v = format?.[p]?.[k]?.[e];
      if (v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0) && v !== '')
        out.push(`${where}.${p}.${k}.${e} = ${show(v, 30)}`);
    }
  }
  return out;
}

/** `?transferables=false&pseudo=true` style rendering of the flags sent. */
function query(flags: SnapshotFlags): string {
  const set = Object.entries(flags).filter(([, v]) => v !== undefined);
  return set.length ? `?${set.map(([k, v]) => `${k}=${v}`).join('&')}` : ' (no flags)';
}

export default defineCheck({
  name: 'query_flags_honoured',
  title: 'Snapshot ignored a documented query flag',
  kind: 'scenario',
  severity: 'medium',
  basis: 'upstream',
  why: 'Upstream documents the GET /assets flags: transferables "decides if we want to return the transferable data (default) or not", pseudo "gives you the ability to also include your pseudo assets, we will always default to false", suggested chooses "a snapshot related to suggested content or normal content".',
  evidence: ['spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/paths/~1assets/get'],
  description:
    "A check that the assets snapshot honours transferables=false (no payloads), pseudo (pseudo assets only when asked for) and lists a saved asset in the normal snapshot, judged on the test's own assets.",
  applies: (f: QueryFlagsFacts) => Array.isArray(f.items),
  run: (f: QueryFlagsFacts, _ctx, fail) => {
    const byId = new Map((f.items as Json[]).map((a) => [a?.id, a]));
    const at = `GET /assets${query(f.flags)}`;
    const waited = f.waitedMs !== undefined ? ` (after waiting ${f.waitedMs} ms)` : '';
    const out: string[] = [];
    if (f.flags.transferables === false) {
      for (const id of [f.saved, f.pseudo]) {
        const asset = id ? byId.get(id) : undefined;
        const payloads = asset ? transferablePayloads(asset) : [];
        if (payloads.length) out.push(`${at} still carries the payloads of ${id}: ${payloads.join('; ')}`);
      }
    }
    if (f.pseudo !== undefined) {
      const listed = byId.has(f.pseudo);
      if (f.flags.pseudo === true && !listed) out.push(`${at} does not list the pseudo asset ${f.pseudo}${waited}`);
      if (f.flags.pseudo !== true && listed)
        out.push(`${at} lists the pseudo asset ${f.pseudo}, which only pseudo=true includes`);
    }
    if (f.saved !== undefined && f.flags.suggested !== true && !byId.has(f.saved)) {
      out.push(`${at} does not list the saved asset ${f.saved}${waited}`);
    }
    return out.map((line) => fail(f.operation, line));
  },
});
