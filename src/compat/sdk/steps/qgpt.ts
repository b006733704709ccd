/** The smoke steps of QGPT over REST (relevance, question, reprompt) and the SDK's own stream method. */
import { NO_PROMPT, type SmokeRun } from './context.js';
import { relevantOf } from '../../../client/envelopes.js';

/** The four QGPT steps, for skipping them together. */
const QGPT_STEPS: Array<[string, string, [string, string]]> = [
  ['relevance', 'QGPTApi.relevance', ['POST', '/qgpt/relevance']],
  ['question', 'QGPTApi.question', ['POST', '/qgpt/question']],
  ['reprompt', 'QGPTApi.reprompt', ['POST', '/qgpt/reprompt']],
  ['qgptStream', 'QGPTApi.qgptStream', ['GET', '/qgpt/stream']],
];

/** Asks about `word`, with the run's asset as context when there is one; a read-only run asks nothing. */
export async function runQgptSteps(
  { step, skip, api, writes }: SmokeRun,
  word: string,
  assetId: string | undefined,
): Promise<void> {
  if (!writes) {
    for (const [s, m, route] of QGPT_STEPS) skip(s, m, route, NO_PROMPT);
    return;
  }
  const relevance = await step(
    'relevance',
    'QGPTApi.relevance',
    ['POST', '/qgpt/relevance'],
    () =>
      api('QGPTApi').relevance({
        qGPTRelevanceInput: {
          query: word,
          ...(assetId ? { assets: { iterable: [{ id: assetId }] } } : {}),
          options: { database: true },
        },
      }),
    (out: any) => {
      const list = relevantOf(out)?.iterable;
      if (!Array.isArray(list))
        return {
          shapeProblem:
            'relevant.iterable is missing: the answer lacks the {relevant} envelope the SDK reads (QGPTRelevanceOutput), so the SDK answers relevant: undefined',
        };
      return { note: `${list.length} relevant` };
    },
  );
  const relevant = { iterable: relevantOf(relevance)?.iterable.slice(0, 3) ?? [] };
  await step(
    'question',
    'QGPTApi.question',
    ['POST', '/qgpt/question'],
    () => api('QGPTApi').question({ qGPTQuestionInput: { query: `What does ${word} return?`, relevant } }),
    (out: any) =>
      Array.isArray(out?.answers?.iterable)
        ? { note: `${out.answers.iterable.length} answers` }
        : { shapeProblem: 'answers.iterable is missing' },
  );
  const now = new Date();
  await step(
    'reprompt',
    'QGPTApi.reprompt',
    ['POST', '/qgpt/reprompt'],
    () =>
      api('QGPTApi').reprompt({
        qGPTRepromptInput: {
          query: 'and in JavaScript?',
          conversation: {
            iterable: [
              { text: 'How do I reverse a list in Python?', role: 'USER', timestamp: { value: now } },
              { text: 'Use list.reverse() or reversed(list).', role: 'ASSISTANT', timestamp: { value: now } },
            ],
          },
        },
      }),
    (out: any) => (typeof out?.query === 'string' ? { note: 'reprompted' } : { shapeProblem: 'query is missing' }),
  );
  await step(
    'qgptStream',
    'QGPTApi.qgptStream',
    ['GET', '/qgpt/stream'],
    () =>
      api('QGPTApi').qgptStream({
        qGPTStreamInput: { question: { query: `What does ${word} return?`, relevant: { iterable: [] } } },
      }),
    () => ({ note: 'the generated HTTP method answered (clients use a WebSocket instead)' }),
  );
}
