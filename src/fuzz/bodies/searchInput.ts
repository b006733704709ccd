/** Valid `AssetsSearchWithFiltersInput` bodies for `POST /assets/search`, the query always set. */
import fc, { type Arbitrary } from 'fast-check';
import { schemaArbitrary } from '../schemaArbitrary.js';
import { searchQuery } from '../domain/query.js';
import { componentSchema, withRequired } from './contractSchemas.js';
import type { BodyOptions } from './seed.js';

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
