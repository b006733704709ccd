/** Realistic pieces plugged into schema-built bodies: applications, versions, names, snippet content. */
import fc, { type Arbitrary } from 'fast-check';
import { schemaArbitrary } from '../schemaArbitrary.js';
import { codeSnippet, proseText, identifier } from '../domain/code.js';
import { unicodeText } from '../domain/unicode.js';
import { componentSchema, enumValues, type OpenApiDocument } from './contractSchemas.js';

/** The raw text of a seed and the ClassificationSpecificEnum ext it is classified as. */
export interface SeedContent {
  raw: string;
  ext?: string;
}

/** Semantic versions as integrations report them (`3.1.12`, `12.0.4-staging`). */
export function semver(): Arbitrary<string> {
  return fc
    .tuple(
      fc.nat({ max: 20 }),
      fc.nat({ max: 30 }),
      fc.nat({ max: 200 }),
      fc.constantFrom('', '', '', '-staging', '-beta.2'),
    )
    .map(([a, b, c, tag]) => `${a}.${b}.${c}${tag}`);
}

// The integrations that really talk to Pieces OS, most common first.
const COMMON_APPS = [
  'VS_CODE',
  'JETBRAINS',
  'PIECES_FOR_DEVELOPERS',
  'PIECES_FOR_DEVELOPERS_CLI',
  'OS_SERVER',
  'GOOGLE_CHROME_EXTENSION_MV3',
  'OBSIDIAN',
  'JUPYTER_HUB',
];

/** Application names of real integrations that the contract's ApplicationNameEnum knows. */
export function applicationName(spec: OpenApiDocument): Arbitrary<string> {
  const known = enumValues(spec, 'ApplicationNameEnum');
  const common = COMMON_APPS.filter((n) => known.includes(n));
  return fc.constantFrom(...(common.length > 0 ? common : known));
}

/** A realistic `Application` (uuid id, known integration, semver) built from the contract schema. */
export function validApplication(options: { spec: OpenApiDocument }): Arbitrary<Record<string, unknown>> {
  const { spec } = options;
  return schemaArbitrary(componentSchema(spec, 'Application'), {
    direction: 'request',
    maxDepth: 1,
    location: '#/components/schemas/Application',
    overrides: { id: fc.uuid(), name: applicationName(spec), version: semver() },
  }) as Arbitrary<Record<string, unknown>>;
}

/** Asset names as people give them: short titles, identifiers, sometimes unicode. */
export function assetName(): Arbitrary<string> {
  return fc.oneof(
    { arbitrary: proseText().map((t) => t.charAt(0).toUpperCase() + t.slice(1)), weight: 3 },
    { arbitrary: identifier(), weight: 1 },
    { arbitrary: unicodeText({ maxPieces: 3 }), weight: 1 },
  );
}

/** Default seed content: code snippets (ext from the contract's enum), unicode text and prose. */
export function seedContent(spec: OpenApiDocument): Arbitrary<SeedContent> {
  const exts = enumValues(spec, 'ClassificationSpecificEnum');
  const textExt = exts.includes('txt') ? 'txt' : undefined;
  const mdExt = exts.includes('md') ? 'md' : undefined;
  return fc.oneof(
    { arbitrary: codeSnippet({ allowedExts: exts }).map((s): SeedContent => ({ raw: s.code, ext: s.ext })), weight: 4 },
    { arbitrary: unicodeText().map((raw): SeedContent => ({ raw, ext: textExt })), weight: 2 },
    { arbitrary: proseText().map((raw): SeedContent => ({ raw, ext: mdExt })), weight: 1 },
  );
}
