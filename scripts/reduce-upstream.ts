/**
 * Reduces an upstream Pieces OS OpenAPI document to the seed's operations (matched by method + path),
 * the refined contract's neighbour operations and the components they reach, dropping the prose.
 *
 * Usage: npm run reduce-upstream -- <input.yaml> <output-dir> <label> [--commit SHA] [--origin TEXT]
 *                                   [--seed spec/versions/seed/openapi.yaml] [--refined spec/pieces-os.openapi.yaml]
 * Writes <output-dir>/openapi.yaml.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import { reduceUpstream, wantedOperations } from '../src/compat/reduce/reduce.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    commit: { type: 'string' },
    origin: { type: 'string', default: 'pieces-app/pieces-os-client-sdk-for-csharp: src/Core/api/openapi.yaml' },
    seed: { type: 'string', default: 'spec/versions/seed/openapi.yaml' },
    refined: { type: 'string', default: 'spec/pieces-os.openapi.yaml' },
  },
});
const [input, outDir, label] = positionals;
if (!input || !outDir || !label) {
  console.error(
    'usage: reduce-upstream <input.yaml> <output-dir> <label> [--commit SHA] [--origin TEXT] [--seed FILE] [--refined FILE]',
  );
  process.exit(2);
}
const raw = readFileSync(input, 'utf8');
const load = (f: string): Record<string, unknown> => parse(readFileSync(f, 'utf8'), { maxAliasCount: -1 });
const wanted = wantedOperations(load(values.seed!), load(values.refined!));
const result = reduceUpstream(parse(raw, { maxAliasCount: -1 }), wanted, {
  label,
  origin: values.origin,
  commit: values.commit,
  sha256: createHash('sha256').update(raw).digest('hex'),
});
const header = [
  `# ${label}: Pieces OS Local API contract from the MIT-licensed Pieces OS C# SDK's bundled OpenAPI document,`,
  '# reduced by scripts/reduce-upstream.ts to the seed operations and the schemas they reach.',
  '# Licence: LICENSE.pieces-os-client-sdk-for-csharp.txt; provenance: PROVENANCE.md (both in spec/versions/upstream/).',
  '',
].join('\n');
mkdirSync(outDir, { recursive: true });
const out = join(outDir, 'openapi.yaml');
writeFileSync(out, header + stringify(result.doc, { lineWidth: 0, aliasDuplicateObjects: false }));
const schemaCount = result.components.schemas?.length ?? 0;
console.log(
  `${out}: ${result.kept.length} operations (${result.kept.filter((k) => k.seed).length} seed), ${schemaCount} schemas`,
);
for (const m of result.missing) console.log(`  not upstream: ${m.key} (${m.contractId})`);
