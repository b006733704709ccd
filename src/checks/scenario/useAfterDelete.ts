/** A check that a deleted resource is gone: reads answer 4xx and listings no longer hold it (schemathesis `use_after_free`). */
import { defineCheck } from '../define.js';
import { requestLine, waited } from '../facts.js';
import type { ExpectationId } from '../basis.js';
import type { Exchange } from '../../core/types.js';

/**
 * What the test saw after deleting `id` with `deletedBy`. `operation` is the operation blamed: the
 * delete itself when the resource's own read still answers it (nothing was deleted), else the
 * listing or read that still shows it (`via`, default: `operation`).
 */
export interface UseAfterDeleteFacts {
  operation: string;
  /** The operation that still showed the resource (`getAsset`, `getAssetsSnapshot`, `getFormat` ...). */
  via?: string;
  id: string;
  deletedBy: string;
  /** A read of the deleted resource (its status is judged), or */
  read?: Exchange;
  /** whether a listing after the delete still holds the id. */
  listed?: boolean;
  /** How long the test polled the listing for the id to go (the consistency budget), when it did. */
  waitedMs?: number;
}

/** The reads whose 410 Gone upstream documents (the check's evidence); any other read's is assumed. */
const UPSTREAM_GONE = new Set(['getAsset', 'getConversation', 'getModel']);

/** The writes whose 410 Gone for a deleted asset the contract (not upstream) documents. */
const CONTRACT_GONE_WRITES = new Set(['updateAsset', 'deleteAsset']);

/** The expectation a 2xx after the delete breaks, by the operation blamed. */
function expectationFor(operation: string): ExpectationId | undefined {
  if (UPSTREAM_GONE.has(operation)) return undefined;
  return CONTRACT_GONE_WRITES.has(operation) ? 'deleted-asset-refuses-writes' : 'gone-after-delete-no-upstream-410';
}

export default defineCheck({
  name: 'use_after_delete',
  title: 'Use after delete',
  kind: 'scenario',
  severity: 'high',
  basis: 'upstream',
  why: 'Upstream documents 410 Gone for a missing asset, conversation and model: a deleted one no longer reads 2xx.',
  evidence: [
    'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/paths/~1asset~1{asset}/get/responses/410',
    'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/paths/~1conversation~1{conversation}/get/responses/410',
    'spec/versions/upstream/2025-02-03_csharp-sdk-e4f3d4e/openapi.yaml#/paths/~1model~1{model}/get/responses/410',
  ],
  description: 'A check that after a successful delete the resource can no longer be read or listed.',
  run: (f: UseAfterDeleteFacts, _ctx, fail) => {
    const out = [];
    const status = f.read?.response?.status;
    if (f.read && status !== undefined && status < 300) {
      out.push(
        fail(
          f.operation,
          `Received: ${status} for ${requestLine(f.read.request.method, f.read.request.url)} after ${f.deletedBy} / Expected: 410`,
          f.read.id,
          expectationFor(f.operation),
        ),
      );
    }
    if (f.listed)
      out.push(
        fail(
          f.operation,
          `${f.via ?? f.operation} still lists ${f.id} after ${f.deletedBy}${waited(f.waitedMs)}`,
          undefined,
          'deleted-not-listed',
        ),
      );
    return out;
  },
});
