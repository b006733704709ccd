/**
 * Reply helpers. Every error body is text/plain (the contract types every error as a string), and
 * JSON bodies are sent as ready-made strings so that Fastify does not re-serialise them.
 */
import type { FastifyReply } from 'fastify';

/** An error a handler throws to answer a documented 4xx with a text message. */
export class HttpError extends Error {
  /** Status and the text sent as the body. */
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Answers a text/plain body. */
export function sendText(reply: FastifyReply, status: number, text: string): FastifyReply {
  return reply.code(status).type('text/plain; charset=utf-8').send(text);
}

/** Answers an already-serialised JSON body. */
export function sendJsonText(reply: FastifyReply, json: string, status = 200): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(json);
}

/** Answers a value as JSON (serialised here, not by a response schema). */
export function sendJson(reply: FastifyReply, value: unknown, status = 200): FastifyReply {
  return sendJsonText(reply, JSON.stringify(value), status);
}

/** Throws the 410 the contract documents for identifiers that do not (or no longer) exist. */
export function gone(kind: string, id: string): never {
  throw new HttpError(410, `${kind} ${id} no longer exists and is Gone.`);
}
