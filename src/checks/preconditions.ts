/**
 * Composable preconditions for exchange checks (schemathesis' `requires_*` / `skips_on_*`
 * decorators): each is a predicate, and `all(...)` stacks them, so no check repeats an `if`.
 */
import type { Exchange, Intent } from '../core/types.js';
import { responseFor } from '../validate/media.js';
import type { CheckContext } from './types.js';

/** A precondition over an exchange and its context. */
export type Precondition = (ex: Exchange, ctx: CheckContext) => boolean;

/** True when every precondition holds. */
export function all(...preds: Precondition[]): Precondition {
  return (ex, ctx) => preds.every((p) => p(ex, ctx));
}

/** The target answered (no transport error). */
export const hasResponse: Precondition = (ex) => ex.response !== undefined;

/** The exchange matched an operation of the contract. */
export const hasOperation: Precondition = (_ex, ctx) => ctx.operation !== undefined;

/** The answered status is documented (exactly, by range or by `default`). */
export const documentedStatus: Precondition = (ex, ctx) =>
  !!ex.response && !!ctx.operation && responseFor(ctx.operation, ex.response.status) !== undefined;

/** The test meant the request as `intent`. */
export function intentIs(intent: Intent): Precondition {
  return (ex) => ex.intent === intent;
}

/** The operation is a plain HTTP one (WebSocket upgrades are judged by stream checks). */
export const notWebSocket: Precondition = (_ex, ctx) => !ctx.operation?.websocket;

/** A plain HTTP response whose status the operation documents: what the media-type and body-schema checks judge. */
export const documentedHttpResponse: Precondition = all(hasResponse, hasOperation, notWebSocket, documentedStatus);
