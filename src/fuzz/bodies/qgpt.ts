/** Valid QGPT request bodies (relevance, question, reprompt) built from the contract's schemas. */
import fc, { type Arbitrary } from 'fast-check';
import { schemaArbitrary } from '../schemaArbitrary.js';
import { naturalQuery, searchQuery } from '../domain/query.js';
import { proseText } from '../domain/code.js';
import { componentSchema, withRequired } from './contractSchemas.js';
import { validSeed, type BodyOptions } from './seed.js';

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
  return schemaArbitrary(componentSchema(spec, 'QGPTRelevanceInput'), {
    direction: 'request',
    maxDepth: options.maxDepth ?? 4,
    location: '#/components/schemas/QGPTRelevanceInput',
    overrides: {
      query: options.query ?? defaultQuery(),
      'seeds.iterable[]': validSeed({ spec }),
      // `question: true` would ask the LLM too: a separate, slower property.
      options: fc.record({ database: fc.boolean() }, { requiredKeys: [], noNullPrototype: true }),
      ...options.overrides,
    },
    omit: options.omit ?? REFERENCES,
  }) as Arbitrary<Record<string, any>>;
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
  return schemaArbitrary(componentSchema(spec, 'QGPTQuestionInput'), {
    direction: 'request',
    maxDepth: options.maxDepth ?? 4,
    location: '#/components/schemas/QGPTQuestionInput',
    overrides: { query: options.query ?? defaultQuery(), 'relevant.iterable[]': relevantSeed, ...options.overrides },
    omit: options.omit ?? ['model', 'application', 'messages'],
  }) as Arbitrary<Record<string, any>>;
}

/** An arbitrary of valid QGPTRepromptInput bodies (`POST /qgpt/reprompt`): a short prior conversation. */
export function validRepromptInput(options: QgptOptions): Arbitrary<Record<string, any>> {
  const { spec } = options;
  const conversation = schemaArbitrary(withRequired(componentSchema(spec, 'QGPTConversation'), ['iterable']), {
    direction: 'request',
    maxDepth: 3,
    overrides: { 'iterable[].text': fc.oneof(naturalQuery(), proseText()) },
  });
  return schemaArbitrary(componentSchema(spec, 'QGPTRepromptInput'), {
    direction: 'request',
    maxDepth: options.maxDepth ?? 4,
    location: '#/components/schemas/QGPTRepromptInput',
    overrides: { query: options.query ?? naturalQuery(), conversation, ...options.overrides },
    omit: options.omit ?? ['application', 'model'],
  }) as Arbitrary<Record<string, any>>;
}
