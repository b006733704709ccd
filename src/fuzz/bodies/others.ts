/** Valid bodies of the other operations: conversations, search, connector, and any operation by id. */
import fc, { type Arbitrary } from 'fast-check';
import { schemaArbitrary } from '../schemaArbitrary.js';
import { searchQuery } from '../domain/query.js';
import { proseText } from '../domain/code.js';
import { unicodeText } from '../domain/unicode.js';
import type { SchemaArbitraryOptions } from '../types.js';
import { componentSchema, enumValues, requestBodySchema, withRequired, type OpenApiDocument } from './spec.js';
import { applicationName, assetName, semver, validApplication } from './realistic.js';
import type { BodyOptions } from './seed.js';

/** An arbitrary of valid SeededConversation bodies (`POST /conversations/create`). */
export function validSeededConversation(options: BodyOptions): Arbitrary<Record<string, any>> {
  const { spec } = options;
  const types = enumValues(spec, 'ConversationTypeEnum');
  const text = fc.oneof(proseText(), unicodeText({ maxPieces: 4 }));
  const string = schemaArbitrary(withRequired(componentSchema(spec, 'TransferableString'), ['raw']), {
    direction: 'request',
    maxDepth: 1,
    overrides: { raw: text },
    omit: ['base64', 'base64_url', 'data_url'],
  });
  const fragment = schemaArbitrary(withRequired(componentSchema(spec, 'FragmentFormat'), ['string']), {
    direction: 'request',
    maxDepth: 1,
    overrides: { string },
    omit: ['bytes'],
  });
  return schemaArbitrary(componentSchema(spec, 'SeededConversation'), {
    direction: 'request',
    maxDepth: options.maxDepth ?? 4,
    location: '#/components/schemas/SeededConversation',
    overrides: {
      ...(types.includes('COPILOT') ? { type: fc.constant('COPILOT') } : {}),
      name: assetName(),
      application: validApplication({ spec }),
      'messages[].fragment': fragment,
      ...options.overrides,
    },
    // A model is referenced by id: only real ids make sense (pass one through overrides).
    omit: options.omit ?? ['model'],
  }) as Arbitrary<Record<string, any>>;
}

/** Options of `validSearchInput`. */
export interface SearchInputOptions extends BodyOptions {
  /** The `query` (default: `searchQuery()`, full of metacharacters). */
  query?: Arbitrary<string>;
}

/** An arbitrary of valid AssetsSearchWithFiltersInput bodies (`POST /assets/search`), query always set. */
export function validSearchInput(options: SearchInputOptions): Arbitrary<Record<string, any>> {
  const { spec } = options;
  return schemaArbitrary(withRequired(componentSchema(spec, 'AssetsSearchWithFiltersInput'), ['query']), {
    direction: 'request',
    maxDepth: options.maxDepth ?? 4,
    location: '#/components/schemas/AssetsSearchWithFiltersInput',
    overrides: {
      query: options.query ?? searchQuery(),
      'filters.iterable[].tags[]': fc.constantFrom('react', 'rust', 'sql', 'docker', 'todo'),
      ...options.overrides,
    },
    omit: options.omit,
  }) as Arbitrary<Record<string, any>>;
}

/** An arbitrary of valid SeededConnectorConnection bodies (`POST /connect`). */
export function validConnectorConnection(options: BodyOptions): Arbitrary<Record<string, any>> {
  const { spec } = options;
  return schemaArbitrary(componentSchema(spec, 'SeededConnectorConnection'), {
    direction: 'request',
    maxDepth: options.maxDepth ?? 4,
    location: '#/components/schemas/SeededConnectorConnection',
    overrides: { 'application.name': applicationName(spec), 'application.version': semver(), ...options.overrides },
    omit: options.omit,
  }) as Arbitrary<Record<string, any>>;
}

/** An arbitrary of valid request bodies of any operation, straight from its schema (no domain content). */
export function requestBodyArbitrary(
  spec: OpenApiDocument,
  operationId: string,
  options: SchemaArbitraryOptions = {},
): Arbitrary<unknown> {
  return schemaArbitrary(requestBodySchema(spec, operationId), {
    direction: 'request',
    location: `${operationId} request body`,
    ...options,
  });
}
