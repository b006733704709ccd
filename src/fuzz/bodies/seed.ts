/** Valid `Seed` bodies for `POST /assets/create`: the contract's shape with realistic content inside. */
import fc, { type Arbitrary } from 'fast-check';
import { componentBody, type BodyOptions } from './componentBody.js';
import { enumValues, type OpenApiDocument } from './contractSchemas.js';
import { assetName, seedContent, validApplication, type SeedContent } from './realistic.js';

/** Options of `validSeed`. */
export interface SeedOptions extends BodyOptions {
  /** The raw text and its ext (default: code snippets, unicode text, prose; see `seedContent`). */
  content?: Arbitrary<SeedContent>;
  /** `asset.metadata.name`, present in some seeds (default: realistic names). */
  name?: Arbitrary<string>;
}

// Flags a real integration does not send: `pseudo` hides an asset from the default snapshot, which
// would make "the created asset is listed" properties fail for the wrong reason.
const SEED_OMIT = ['asset.pseudo', 'asset.discovered', 'asset.demo'];

/** The `format` of a seed: a fragment holding the raw text, classified as its ext when there is one. */
function seededFormat(spec: OpenApiDocument, content: Arbitrary<SeedContent>): Arbitrary<Record<string, unknown>> {
  const generic = enumValues(spec, 'ClassificationGenericEnum');
  return fc.tuple(content, fc.boolean()).map(([c, classify]) => {
    const fragment: Record<string, unknown> = { string: { raw: c.raw } };
    if (c.ext !== undefined) fragment.metadata = { ext: c.ext };
    const format: Record<string, unknown> = { fragment };
    if (classify && c.ext !== undefined) {
      const kind = c.ext === 'txt' || c.ext === 'md' ? 'TEXT' : 'CODE';
      format.classification = generic.includes(kind) ? { generic: kind, specific: c.ext } : { specific: c.ext };
    }
    return format;
  });
}

/** An arbitrary of valid Seed bodies built from `#/components/schemas/Seed` of the given contract. */
export function validSeed(options: SeedOptions): Arbitrary<Record<string, any>> {
  const { spec } = options;
  const seedTypes = enumValues(spec, 'SeedTypeEnum');
  return componentBody(options, 'Seed', {
    overrides: {
      'asset.application': validApplication({ spec }),
      'asset.format': seededFormat(spec, options.content ?? seedContent(spec)),
      'asset.metadata.name': options.name ?? assetName(),
      ...(seedTypes.includes('SEEDED_ASSET') ? { type: fc.constant('SEEDED_ASSET') } : {}),
    },
    omit: SEED_OMIT,
  });
}
