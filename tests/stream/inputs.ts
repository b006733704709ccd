/**
 * Stream inputs the suite sends. Every query starts with the suite's marker (a conversation the
 * stream creates is named after its query, so a live target's owner can tell it apart) and
 * carries a token unique to the request: the emulator's answers quote the query, so a token in
 * another request's chunks is crosstalk. Each input names the suite's application and the model it
 * asks, as a real client's does (QGPTQuestionInput/QGPTRelevanceInput `application`, `model`).
 */
import { relevanceAnswerOf, type ApiClient } from '../../src/client/index.js';
import { asked, MARKER } from '../fixtures/data.js';

/** A marked query carrying `token`. */
export function query(token: string, text = 'How do I reverse a list in Python?'): string {
  return `${MARKER} ${text} [${token}]`;
}

/** A question-only input (no context: relevant is empty). */
export function questionInput(token: string, text?: string) {
  return { question: { query: query(token, text), relevant: { iterable: [] as never[] }, ...asked() } };
}

/** A relevance + question input restricted to the given assets (so other tests' assets cannot change the answer). */
export function relevanceInput(token: string, assetIds: string[], text = 'What does my saved snippet do?') {
  return {
    relevance: {
      query: query(token, text),
      assets: { iterable: assetIds.map((id) => ({ id })) },
      options: { question: true },
      ...asked(),
    },
  };
}

/**
 * The answer REST gives for the same input: POST /qgpt/question for a question, POST
 * /qgpt/relevance (with options.question) for a relevance input. Undefined when REST did not answer.
 */
export async function restAnswer(
  api: ApiClient,
  input: ReturnType<typeof questionInput> | ReturnType<typeof relevanceInput>,
): Promise<string | undefined> {
  if ('question' in input) {
    const res = await api.call('qgptQuestion', { body: input.question, note: 'the REST twin of a streamed question' });
    return res.data?.answers.iterable[0]?.text;
  }
  const res = await api.call('qgptRelevance', {
    body: input.relevance,
    note: 'the REST twin of a streamed relevance question',
  });
  return relevanceAnswerOf(res.data)?.answers?.iterable?.[0]?.text;
}
