/** Writes the static compatibility report: `tsx src/compat/main.ts [--index spec/versions/index.yaml] [--out reports/compat]`. */
import { parseArgs } from 'node:util';
import { staticMatrix } from './matrix.js';
import { writeCompatReports } from './report/write.js';
import { DEFAULT_INDEX, loadVersions } from './versions.js';

const { values } = parseArgs({
  options: { index: { type: 'string', default: DEFAULT_INDEX }, out: { type: 'string', default: 'reports/compat' } },
});
const matrix = staticMatrix(await loadVersions(values.index));
const files = await writeCompatReports(matrix, values.out);
for (const p of matrix.pairs)
  console.log(
    `${p.from} -> ${p.to}: ${p.counts.breaking} breaking, ${p.counts.warning} warning, ${p.counts['non-breaking']} non-breaking`,
  );
console.log(`wrote ${files.html}, ${files.md}, ${files.json}`);
