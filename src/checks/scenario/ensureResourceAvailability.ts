/** A check that what was created is retrievable and listed (schemathesis `ensure_resource_availability`). */
import { defineCheck } from '../define.js';
import { requestLine, waited } from '../facts.js';
import type { Exchange } from '../../core/types.js';

/**
 * What the test saw after creating `id` with `createdBy`. `operation` is the operation blamed: the
 * listing when the resource reads fine by id (the listing leaves it out), else the create (nothing
 * was stored, or there is no read by id to tell). `via` is the operation that missed it.
 */
export interface ResourceAvailabilityFacts {
  operation: string;
  /** The operation used to find the resource (`getAsset`, `getAssetsSnapshot` ...); default: `operation`. */
  via?: string;
  id: string;
  createdBy: string;
  /** A read of the new resource (must be 2xx), or */
  read?: Exchange;
  /** whether a listing holds the new id (must be true). */
  listed?: boolean;
  /** How long the test polled the listing (the consistency budget), when it did. */
  waitedMs?: number;
}

export default defineCheck({
  name: 'ensure_resource_availability',
  title: 'Created resource not available',
  kind: 'scenario',
  severity: 'high',
  basis: 'upstream',
  why: "Upstream's create operations answer the created item with its id, and its read by id serves a stored item.",
  evidence: [
    'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/paths/~1assets~1create/post/responses/200',
    'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/paths/~1asset~1{asset}/get',
  ],
  description: 'A check that a resource a create answered is retrievable by id and present in its listing.',
  run: (f: ResourceAvailabilityFacts, _ctx, fail) => {
    const out = [];
    const status = f.read?.response?.status;
    if (f.read && (status === undefined || status >= 300)) {
      out.push(
        fail(
          f.operation,
          `Received: ${status ?? 'no response'} for ${requestLine(f.read.request.method, f.read.request.url)} just created by ${f.createdBy} / Expected: 200`,
          f.read.id,
        ),
      );
    }
    if (f.listed === false)
      out.push(
        fail(
          f.operation,
          `${f.via ?? f.operation} does not list ${f.id} just created by ${f.createdBy}${waited(f.waitedMs)}`,
          undefined,
          'created-listed',
        ),
      );
    return out;
  },
});
