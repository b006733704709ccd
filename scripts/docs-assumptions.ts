/**
 * `npm run docs:assumptions`: rewrites the assumptions section of README.md (between its markers)
 * from the checks' and the named expectations' bases. `--check` only says whether it is current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../src/process/tools.js';
import { ASSUMPTIONS_BEGIN, renderAssumptionsDocs, withAssumptionsDocs } from '../src/checks/assumptionsDocs.js';

const file = join(repoRoot(), 'README.md');
const readme = readFileSync(file, 'utf8');
const next = withAssumptionsDocs(readme, renderAssumptionsDocs());
if (next === undefined) {
  console.error(
    `README.md has no assumptions section: add the line\n${ASSUMPTIONS_BEGIN}\nand <!-- assumptions:end -->`,
  );
  process.exit(2);
}
if (process.argv.includes('--check')) {
  console.log(
    next === readme ? 'README.md assumptions: current' : 'README.md assumptions: stale (npm run docs:assumptions)',
  );
  process.exit(next === readme ? 0 : 1);
}
writeFileSync(file, next);
console.log(next === readme ? 'README.md assumptions: already current' : 'README.md assumptions: rewritten');
