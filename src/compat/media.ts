import { matchOperations } from './match.js';
import { pointerToken } from './paths.js';
import type { Json } from './types.js';
import { isObj, type DocView, type OperationView } from './view.js';

/** Media types of one body (request or a response status) in both versions. */
export interface MediaSite {
  /** The operation in the old version. */
  op: OperationView;
  /** Pointer to the body, `/requestBody` or `/responses/<status>`. */
  base: string;
  /** Readable body name. */
  label: string;
  /** Whether it is the request or a response. */
  direction: 'request' | 'response';
  /** Media types in the old version. */
  old: string[];
  /** Media types in the new version. */
  new: string[];
}

function types(doc: DocView, body: unknown): string[] {
  const b = doc.resolve(body);
  return isObj(b) && isObj(b.content) ? Object.keys(b.content) : [];
}

/** Lists, for every matched operation, the request body and each response status present in both versions. */
export function mediaSites(o: DocView, n: DocView): MediaSite[] {
  const out: MediaSite[] = [];
  for (const p of matchOperations(o, n).pairs) {
    out.push({
      op: p.old,
      base: '/requestBody',
      label: 'request body',
      direction: 'request',
      old: types(o, p.old.op.requestBody),
      new: types(n, p.new.op.requestBody),
    });
    const or = (isObj(p.old.op.responses) ? p.old.op.responses : {}) as Json;
    const nr = (isObj(p.new.op.responses) ? p.new.op.responses : {}) as Json;
    for (const status of Object.keys(or)) {
      if (!(status in nr)) continue;
      out.push({
        op: p.old,
        base: `/responses/${pointerToken(status)}`,
        label: `response ${status}`,
        direction: 'response',
        old: types(o, or[status]),
        new: types(n, nr[status]),
      });
    }
  }
  return out;
}
