/** What every handler gets: the stores, the fault switches, the options and the live services. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type { Downloads } from './downloads.js';
import type { FaultSet } from './faults/index.js';
import type { SecurityPolicy } from './security.js';
import type { Store } from './store/index.js';
import type { IndexLag, Pace, Profile, Range } from './profile.js';

/** The emulator's options with every default filled in. */
export interface ResolvedOptions {
  host: string;
  port: number;
  dataDir?: string;
  memory: boolean;
  /** instant or realistic (profile.ts): the defaults of the latencies, the index lag and the downloads. */
  profile: Profile;
  streamDelayMs: number;
  firstTokenMs: Range;
  chunkMs: Range;
  indexLagMs: number;
  /** Answers vary between identical questions (the realistic profile). */
  variedAnswers: boolean;
  downloadMs: number;
  bodyLimit: number;
  signedIn: boolean;
  /** Also answer the seed's forms of search, relevance and user next to the real ones (off by default). */
  seedEnvelopes: boolean;
  /** The security policy: what real builds were seen to do (observed), or the strict loopback policy. */
  security: SecurityPolicy;
  /**
   * Behave as a Pieces OS may where this project's assumptions doubt (the harness's README:
   * assumptions): a second session close answers 200, no body limit below 64 MiB (no 413), and
   * malformed stream input ends CANCELED without an in-band FAILED frame. Not a bug: every contract
   * stays met; only assumed expectations are not.
   */
  lax: boolean;
  logger: boolean;
}

/** Shared state of one running emulator. */
export interface Ctx {
  store: Store;
  faults: FaultSet;
  options: ResolvedOptions;
  downloads: Downloads;
  /** The simulated LLM's latencies. */
  pace: Pace;
  /** The search index's lag behind asset writes. */
  index: IndexLag;
  /** The Pieces OS version this emulator reports. */
  version: string;
}

/** A REST handler (Fastify's request and reply). */
export type HttpHandler = (req: FastifyRequest, reply: FastifyReply) => unknown;

/** A WebSocket handler, called once the upgrade succeeded. */
export type WsHandler = (socket: WebSocket, req: FastifyRequest) => void;

/** A WebSocket operation: the socket handler plus the answer to a plain (non-upgrade) GET. */
export interface WsRoute {
  http: HttpHandler;
  ws: WsHandler;
}

/** A REST handler that also sees requests whose body failed validation (it decides the answer). */
export interface LenientRoute {
  http: HttpHandler;
  lenientBody: true;
}

/** Handlers of one tag, keyed by the contract's operationId. */
export type HandlerMap = Record<string, HttpHandler | WsRoute | LenientRoute>;

/** The boolean query flag `name` (already coerced by validation), `fallback` when absent. */
export function flag(req: FastifyRequest, name: string, fallback = true): boolean {
  const v = (req.query as Record<string, unknown>)[name];
  return typeof v === 'boolean' ? v : fallback;
}
