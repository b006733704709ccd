/**
 * Builds the emulator's Fastify instance: security hook, text/plain errors, the WebSocket plugin
 * and every operation of the contract registered by operationId. Fastify does the routing, the
 * body parsing, the size limits and the error plumbing.
 */
import websocket from '@fastify/websocket';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Ctx, HandlerMap, ResolvedOptions } from './context.js';
import { Downloads } from './downloads.js';
import type { FaultSet } from './faults/index.js';
import { applicationHandlers } from './handlers/applications.js';
import { assetHandlers } from './handlers/assets.js';
import { connectorHandlers } from './handlers/connector.js';
import { conversationHandlers } from './handlers/conversations.js';
import { formatHandlers } from './handlers/formats.js';
import { modelHandlers } from './handlers/models.js';
import { qgptHandlers } from './handlers/qgpt.js';
import { streamHandlers } from './handlers/stream.js';
import { userHandlers } from './handlers/user.js';
import { wellKnownHandlers } from './handlers/wellknown.js';
import { HttpError, sendText } from './http.js';
import { buildRoutes } from './registry.js';
import { hostName, securityHook } from './security.js';
import { loadContract } from './contract.js';
import { Store } from './store/index.js';
import { IndexLag, Pace } from './profile.js';

/** The Pieces OS version the emulator reports (a POS 12 build, the line current clients accept). */
const EMULATED_VERSION = '12.3.1';

/** Every tag's handlers merged; the same operationId in two tag files is a start-up error. */
function allHandlers(ctx: Ctx): HandlerMap {
  const out: HandlerMap = {};
  for (const map of [
    wellKnownHandlers,
    assetHandlers,
    formatHandlers,
    qgptHandlers,
    streamHandlers,
    conversationHandlers,
    modelHandlers,
    applicationHandlers,
    userHandlers,
    connectorHandlers,
  ].map((f) => f(ctx))) {
    for (const [id, h] of Object.entries(map)) {
      if (id in out) throw new Error(`operationId ${id} has two handlers`);
      out[id] = h;
    }
  }
  return out;
}

/** Maps every error to a text/plain answer: documented 4xx for client mistakes, 500 for bugs. */
function errorHandler(ctx: Ctx) {
  return (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof HttpError) return sendText(reply, err.status, err.message);
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendText(reply, 413, `Request body is larger than the limit of ${ctx.options.bodyLimit} bytes.`);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        // 415 is not in the contract; every operation that takes a body documents 400.
        return sendText(
          reply,
          400,
          `Invalid request body: Content-Type ${req.headers['content-type'] ?? '(none)'} is not supported, send application/json.`,
        );
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendText(reply, 400, 'Invalid request body: a JSON body is required');
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        if (ctx.faults.has('bad-json-500')) return sendText(reply, 500, 'Internal server error.');
        return sendText(reply, 400, `Invalid request body: malformed JSON (${err.message})`);
      default:
        break;
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) return sendText(reply, status, err.message);
    req.log.error(err);
    return sendText(reply, 500, `Internal server error: ${err.message}`);
  };
}

/** A ready (not yet listening) Fastify instance of the emulator, with its context. */
export async function buildServer(
  options: ResolvedOptions,
  faults: FaultSet,
): Promise<{ app: FastifyInstance; ctx: Ctx }> {
  const contract = loadContract();
  const store = new Store(options.memory ? undefined : options.dataDir);
  const ctx: Ctx = {
    store,
    faults,
    options,
    downloads: new Downloads(store.models, options.downloadMs, faults, options.profile === 'realistic'),
    pace: new Pace(options),
    index: new IndexLag(options.indexLagMs),
    version: EMULATED_VERSION,
  };
  let routes;
  try {
    routes = buildRoutes(contract, allHandlers(ctx));
  } catch (e) {
    store.close();
    throw e;
  }
  // Long ids must reach the handler (and its 410), not end as a router 404.
  const app = Fastify({
    logger: options.logger,
    bodyLimit: options.bodyLimit,
    routerOptions: { maxParamLength: 8192 },
  });
  app.addHook('onClose', async () => {
    ctx.downloads.close();
    store.close();
  });
  await app.register(websocket, { options: { maxPayload: options.bodyLimit } });
  const bindHost = hostName(
    options.host.includes(':') && !options.host.startsWith('[') ? `[${options.host}]` : options.host,
  );
  app.addHook(
    'onRequest',
    securityHook(options.security, new Set(['0.0.0.0', '[::]'].includes(bindHost) ? [] : [bindHost]), faults),
  );
  app.setErrorHandler(errorHandler(ctx));
  app.setNotFoundHandler((req, reply) =>
    sendText(reply, 404, `Route ${req.method}:${req.url.split('?')[0]} not found`),
  );

  await app.register(async (scope) => {
    // Only JSON bodies: text/plain (Fastify parses it by default) would let a bare word through.
    scope.removeContentTypeParser('text/plain');
    for (const r of routes) if (!r.bodyless) scope.route(r.route);
  });
  await app.register(async (scope) => {
    // POSTs without a body in the contract ignore whatever body a client sends (drained unread).
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, payload, done) => {
      payload.resume();
      done(null, undefined);
    });
    for (const r of routes) if (r.bodyless) scope.route(r.route);
  });
  await app.ready();
  return { app, ctx };
}
