/** Valid `AssetsSearchWithFiltersInput` bodies for `POST /assets/search`, the query always set. */
import fc, { type Arbitrary } from 'fast-check';
import { searchQuery } from '../domain/query.js';
import { componentSchema, withRequired } from './contractSchemas.js';
import { componentBody, type BodyOptions } from './componentBody.js';

/** Options of `validSearchInput`. */
export interface SearchInputOptions extends BodyOptions {
  /** The `query` (default: `searchQuery()`, full of metacharacters). */
  query?: Arbitrary<string>;
}

/** An arbitrary of valid AssetsSearchWithFiltersInput bodies (`POST /assets/search`), query always set. */
export function validSearchInput(options: SearchInputOptions): Arbitrary<Record<string, any>> {
  const { spec } = options;
  return componentBody(options, 'AssetsSearchWithFiltersInput', {
    schema: withRequired(componentSchema(spec, 'AssetsSearchWithFiltersInput'), ['query']),
    overrides: {
      query: options.query ?? searchQuery(),
      'filters.iterable[].tags[]': fc.constantFrom('react', 'rust', 'sql', 'docker', 'todo'),
    },
  });
}
