/** Valid QGPT request bodies (relevance, question, reprompt) built from the contract's schemas. */
import fc, { type Arbitrary } from 'fast-check';
import { schemaArbitrary } from '../schemaArbitrary.js';
import { naturalQuery, searchQuery } from '../domain/query.js';
import { proseText } from '../domain/code.js';
import { componentSchema, withRequired } from './contractSchemas.js';
import { componentBody, type BodyOptions } from './componentBody.js';
import { validSeed } from './seed.js';

/** Options of the QGPT helpers. */
export interface QgptOptions extends BodyOptions {
  /** The `query` (default: natural questions and metacharacter-laden search queries). */
  query?: Arbitrary<string>;
}

const defaultQuery = () =>
  fc.oneof({ arbitrary: naturalQuery(), weight: 3 }, { arbitrary: searchQuery({ allowEmpty: false }), weight: 1 });

// References to things that must already exist (files on disk, asset/model/application ids) are left
// out by default: random ids only test the 4xx path. Callers pass real ids through `overrides`.
const REFERENCES = ['paths', 'assets', 'application', 'model'];

/** An arbitrary of valid QGPTRelevanceInput bodies (`POST /qgpt/relevance`). */
export function validRelevanceInput(options: QgptOptions): Arbitrary<Record<string, any>> {
  const { spec } = options;
  return componentBody(options, 'QGPTRelevanceInput', {
    overrides: {
      query: options.query ?? defaultQuery(),
      'seeds.iterable[]': validSeed({ spec }),
      // `question: true` would ask the LLM too: a separate, slower property.
      options: fc.record({ database: fc.boolean() }, { requiredKeys: [], noNullPrototype: true }),
    },
    omit: REFERENCES,
  });
}

/** An arbitrary of valid QGPTQuestionInput bodies (`POST /qgpt/question`): relevant seeds carry a seed. */
export function validQuestionInput(options: QgptOptions): Arbitrary<Record<string, any>> {
  const { spec } = options;
  const relevantSeed = schemaArbitrary(withRequired(componentSchema(spec, 'RelevantQGPTSeed'), ['seed']), {
    direction: 'request',
    maxDepth: 1,
    overrides: { seed: validSeed({ spec }), score: fc.double({ min: 0, max: 1, noNaN: true }) },
    omit: ['asset', 'id', 'path'],
  });
  return componentBody(options, 'QGPTQuestionInput', {
    overrides: { query: options.query ?? defaultQuery(), 'relevant.iterable[]': relevantSeed },
    omit: ['model', 'application', 'messages'],
  });
}

/** An arbitrary of valid QGPTRepromptInput bodies (`POST /qgpt/reprompt`): a short prior conversation. */
export function validRepromptInput(options: QgptOptions): Arbitrary<Record<string, any>> {
  const { spec } = options;
  const conversation = schemaArbitrary(withRequired(componentSchema(spec, 'QGPTConversation'), ['iterable']), {
    direction: 'request',
    maxDepth: 3,
    overrides: { 'iterable[].text': fc.oneof(naturalQuery(), proseText()) },
  });
  return componentBody(options, 'QGPTRepromptInput', {
    overrides: { query: options.query ?? naturalQuery(), conversation },
    omit: ['application', 'model'],
  });
}
