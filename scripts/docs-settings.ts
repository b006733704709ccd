/**
 * `npm run docs:settings`: rewrites the settings section of README.md (between its markers) from
 * src/settings/catalogue.ts. `--check` only says whether it is current (exit 1 when stale).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../src/process/tools.js';
import { DOCS_BEGIN, renderSettingsDocs, withSettingsDocs } from '../src/settings/docs.js';

const file = join(repoRoot(), 'README.md');
const readme = readFileSync(file, 'utf8');
const next = withSettingsDocs(readme, renderSettingsDocs());
if (next === undefined) {
  console.error(
    `README.md has no settings section: add the line\n${DOCS_BEGIN}\nand <!-- settings:end --> where it goes`,
  );
  process.exit(2);
}
if (process.argv.includes('--check')) {
  console.log(next === readme ? 'README.md settings: current' : 'README.md settings: stale (npm run docs:settings)');
  process.exit(next === readme ? 0 : 1);
}
writeFileSync(file, next);
console.log(next === readme ? 'README.md settings: already current' : 'README.md settings: rewritten');
