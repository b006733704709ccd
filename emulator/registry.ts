/**
 * Registers handlers on Fastify by operationId (openapi-backend's `register`): the method and the
 * path come from the contract, an operationId the contract does not define is refused at start-up,
 * and an operation without a handler answers 501. Query coercion and body validation run before
 * every handler, compiled from the same contract.
 */
import type { FastifyRequest, RouteOptions } from 'fastify';
import type { HandlerMap, HttpHandler } from './context.js';
import { sendText } from './http.js';
import type { LoadedContract, ContractOperation } from './contract.js';
import { bodyValidator, coerceQuery, describeErrors } from './validation.js';

type Entry = HandlerMap[string];

const bodyErrors = new WeakMap<FastifyRequest, string>();

/** The body validation message of a request that reached a lenient handler (undefined: valid). */
export function bodyError(req: FastifyRequest): string | undefined {
  return bodyErrors.get(req);
}

/** `/asset/{asset}` → `/asset/:asset`. */
export function fastifyPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}

/** Refuses handler keys that are not operationIds of the contract. */
export function checkHandlers(contract: LoadedContract, handlers: Record<string, unknown>): void {
  for (const id of Object.keys(handlers)) {
    if (!contract.operations.has(id)) throw new Error(`Unknown operationId ${id}. Refusing to register handler`);
  }
}

function validator(op: ContractOperation, lenient: boolean) {
  return async (req: FastifyRequest, reply: any) => {
    const queryError = coerceQuery(op, req.query as Record<string, unknown>);
    if (queryError) return sendText(reply, 400, queryError);
    // Compiled on first use (then cached per process): start-up stays fast for short-lived tests.
    const validate = bodyValidator(op);
    if (!validate) return;
    let message: string | undefined;
    if (req.body === undefined) message = 'Invalid request body: a JSON body is required';
    else if (!validate(req.body)) message = describeErrors(validate.errors);
    if (message === undefined) return;
    if (lenient) bodyErrors.set(req, message);
    else return sendText(reply, 400, message);
  };
}

/** A route built from the contract; `bodyless` marks a POST whose contract defines no body. */
export interface BuiltRoute {
  route: RouteOptions;
  bodyless: boolean;
}

/** Builds the Fastify route of every operation of the contract from the handlers. */
export function buildRoutes(contract: LoadedContract, handlers: HandlerMap): BuiltRoute[] {
  checkHandlers(contract, handlers);
  const routes: BuiltRoute[] = [];
  for (const op of contract.operations.values()) {
    const entry = handlers[op.operationId] as Entry | undefined;
    const notImplemented: HttpHandler = (_req, reply) => sendText(reply, 501, `${op.operationId} is not implemented`);
    const http = typeof entry === 'function' ? entry : (entry?.http ?? notImplemented);
    const lenient = typeof entry === 'object' && 'lenientBody' in entry;
    const route: RouteOptions = {
      method: op.method,
      url: fastifyPath(op.path),
      preValidation: validator(op, lenient),
      handler: async (req, reply) => {
        await http(req, reply);
        return reply;
      },
    };
    if (typeof entry === 'object' && 'ws' in entry) {
      (route as any).wsHandler = entry.ws;
    }
    routes.push({ route, bodyless: op.method === 'POST' && !op.body });
  }
  return routes;
}
