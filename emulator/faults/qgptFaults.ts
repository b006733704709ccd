/** Fault switches of the QGPT REST operations: relevance, question, reprompt. */
import type { FaultRow } from './types.js';

/** QGPT rows (REST), in catalogue order. */
export const QGPT_FAULTS: FaultRow[] = [
  [
    'relevance-unsorted',
    'QGPT',
    'qgptRelevance',
    'relevance_sorted',
    'Relevant seeds are answered least relevant first.',
  ],
  [
    'relevance-score-out-of-range',
    'QGPT',
    'qgptRelevance',
    'response_schema_conformance',
    'Relevance scores are answered on a 0-100 scale instead of 0-1.',
  ],
  [
    'question-500-on-empty-relevant',
    'QGPT',
    'qgptQuestion',
    'not_a_server_error',
    'A question with relevant.iterable = [] (valid) is answered 500.',
  ],
  [
    'qgpt-rate-limited',
    'QGPT',
    'qgptQuestion',
    'request_accepted_as_documented',
    'Every question and relevance call is refused 429 (and the stream fails with statusCode 429).',
  ],
  [
    'qgpt-unauthorized',
    'QGPT',
    'qgptRelevance',
    'request_accepted_as_documented',
    'Every relevance call is refused 401.',
  ],
  ['qgpt-overloaded', 'QGPT', 'qgptQuestion', 'request_accepted_as_documented', 'Every question is refused 503.'],
  [
    'reprompt-missing-query',
    'QGPT',
    'qgptReprompt',
    'response_schema_conformance',
    'Reprompt answers {} without the required query.',
  ],
];
