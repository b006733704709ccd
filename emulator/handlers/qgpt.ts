/**
 * QGPT over REST: relevance, question and reprompt. 401/429/503 are documented but only answered
 * under a fault switch: the emulator has no quota and no authentication of its own.
 */
import {
  questionOutput,
  relevance,
  repromptQuery,
  resolveSnippets,
  snippetsOf,
  type RelevantItem,
} from '../copilot.js';
import type { Ctx, HandlerMap } from '../context.js';
import { HttpError, sendJson } from '../http.js';
import { sleep } from '../profile.js';

/** The refusal a fault switch plants on QGPT operations, if any. */
export function qgptRefusal(ctx: Ctx, op: 'question' | 'relevance'): HttpError | undefined {
  if (ctx.faults.has('qgpt-rate-limited'))
    return new HttpError(429, 'Too many requests: the Copilot quota is exhausted.');
  if (op === 'relevance' && ctx.faults.has('qgpt-unauthorized')) return new HttpError(401, 'Invalid authentication.');
  if (op === 'question' && ctx.faults.has('qgpt-overloaded'))
    return new HttpError(503, 'The Copilot engine is overloaded.');
  return undefined;
}

/** The relevance body `{relevant, answer?}`; with the `seedEnvelopes` option also the seed's `iterable`. */
export function relevanceOutput(ctx: Ctx, items: RelevantItem[], answer?: unknown) {
  const seedForm = ctx.options.seedEnvelopes ? { iterable: items } : {};
  return { ...seedForm, relevant: { iterable: items }, ...(answer ? { answer } : {}) };
}

/** Handlers of the QGPT tag's REST operations. */
export function qgptHandlers(ctx: Ctx): HandlerMap {
  const { store, faults } = ctx;
  return {
    qgptRelevance: async (req, reply) => {
      const refusal = qgptRefusal(ctx, 'relevance');
      if (refusal) throw refusal;
      const input = req.body as any;
      let items = relevance(store, input, (id) => ctx.index.visible(id));
      const answer =
        input.options?.question === true ? await questionOutput(ctx, input.query, snippetsOf(items)) : undefined;
      if (faults.has('relevance-unsorted')) items = [...items].reverse();
      if (faults.has('relevance-score-out-of-range'))
        items = items.map((i) => ({ ...i, score: Math.round(i.score * 100) + 1 }));
      return sendJson(reply, relevanceOutput(ctx, items, answer));
    },

    qgptQuestion: async (req, reply) => {
      const refusal = qgptRefusal(ctx, 'question');
      if (refusal) throw refusal;
      const input = req.body as any;
      if (faults.has('question-500-on-empty-relevant') && input.relevant.iterable.length === 0) {
        throw new Error('index out of range: relevant.iterable[0]');
      }
      return sendJson(reply, await questionOutput(ctx, input.query, resolveSnippets(store, input.relevant)));
    },

    qgptReprompt: async (req, reply) => {
      const input = req.body as any;
      // A rewrite is a short generation: the first token and a few chunks.
      await sleep(ctx.pace.restAnswerMs(8));
      if (faults.has('reprompt-missing-query')) return sendJson(reply, {});
      return sendJson(reply, { query: repromptQuery(input.query, input.conversation) });
    },
  };
}
