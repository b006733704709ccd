/** README.md's assumptions table is generated from the checks and the named expectations: it fails here when stale. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../src/process/tools.js';
import {
  ASSUMPTIONS_BEGIN,
  ASSUMPTIONS_END,
  assumptionRows,
  renderAssumptionsDocs,
  withAssumptionsDocs,
} from '../../../src/checks/assumptionsDocs.js';
import { allExpectations } from '../../../src/checks/basis.js';
import { checks } from '../../../src/checks/index.js';

test('README.md assumptions section is current (else: npm run docs:assumptions)', () => {
  const readme = readFileSync(join(repoRoot(), 'README.md'), 'utf8');
  assert.ok(readme.includes(ASSUMPTIONS_BEGIN) && readme.includes(ASSUMPTIONS_END), 'README.md has the markers');
  assert.equal(withAssumptionsDocs(readme, renderAssumptionsDocs()), readme, 'run npm run docs:assumptions');
});

test('every assumed expectation is a row, and every row says why', () => {
  const rows = assumptionRows();
  const assumed =
    checks.all().filter((c) => c.basis === 'assumed').length +
    allExpectations().filter((e) => e.basis === 'assumed').length;
  assert.equal(rows.length, assumed);
  for (const r of rows) assert.ok(r.why.length > 20, `${r.where} says why`);
  const section = renderAssumptionsDocs();
  for (const e of allExpectations().filter((x) => x.basis === 'assumed')) assert.ok(section.includes(e.id), e.id);
});
