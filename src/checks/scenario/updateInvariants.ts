/**
 * A check that an update changes only what it was asked to: the id and `created` stay, `updated`
 * moves forward, and every field the request left alone (content, classification, formats, tags,
 * ...) reads back as before.
 */
import { defineCheck } from '../define.js';
import { deepEqual, show } from '../diff.js';

/**
 * The asset before an update and as `readBy` answered it afterwards. `changed` names the fields the
 * request changed (keys of `KEPT_FIELDS`, e.g. `name`): they are not compared.
 */
export interface UpdateInvariantsFacts {
  operation: string;
  id: string;
  readBy: string;
  changed: string[];
  before: unknown;
  after: unknown;
}

type Json = Record<string, any> | undefined;

/** The fields an update must keep unless it changes them, each read the same way from both sides. */
export const KEPT_FIELDS: Record<string, (a: Json) => unknown> = {
  name: (a) => a?.name,
  content: (a) => a?.original?.reference?.fragment?.string?.raw,
  classification: (a) => a?.original?.reference?.classification?.specific,
  formats: (a) => (a?.formats?.iterable ?? []).map((f: any) => f?.id).sort(),
  tags: (a) => (a?.tags?.iterable ?? []).map((t: any) => t?.text).sort(),
  mechanism: (a) => a?.mechanism,
  favorited: (a) => a?.favorited,
  creator: (a) => a?.creator,
};

/** The epoch milliseconds of a GroupedTimestamp, or NaN. */
function time(a: Json, field: 'created' | 'updated'): number {
  const v = a?.[field]?.value;
  return typeof v === 'string' ? Date.parse(v) : Number.NaN;
}

export default defineCheck({
  name: 'update_invariants',
  title: 'Update changed what it was not asked to',
  kind: 'scenario',
  severity: 'high',
  basis: 'assumed',
  why: 'Upstream documents /asset/update as updating the asset it is sent; that the id and created time never change, updated moves forward, and fields the request left alone (content included, sent or not) are kept is this project’s reading of an update.',
  evidence: ['spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/paths/~1asset~1update/post'],
  description:
    'A check that an update keeps the id and created time, moves the updated time forward, and keeps every field the request did not change.',
  applies: (f: UpdateInvariantsFacts) => f.after !== undefined && f.before !== undefined,
  run: (f: UpdateInvariantsFacts, _ctx, fail) => {
    const before = f.before as Json;
    const after = f.after as Json;
    const out: string[] = [];
    if (after?.id !== before?.id) out.push(`id ${show(before?.id)} → ${show(after?.id)}`);
    if (!deepEqual(after?.created?.value, before?.created?.value)) {
      out.push(`created ${show(before?.created?.value)} → ${show(after?.created?.value)}`);
    }
    const [was, now] = [time(before, 'updated'), time(after, 'updated')];
    if (!(now > was))
      out.push(`updated did not move forward: ${show(before?.updated?.value)} → ${show(after?.updated?.value)}`);
    for (const [field, read] of Object.entries(KEPT_FIELDS)) {
      if (f.changed.includes(field)) continue;
      const [a, b] = [read(before), read(after)];
      if (!deepEqual(a, b)) out.push(`${field} (not changed by the request) ${show(a)} → ${show(b)}`);
    }
    return out.map((line) => fail(f.operation, `${f.id} as ${f.readBy} answered it: ${line}`));
  },
});
