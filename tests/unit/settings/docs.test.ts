/** README.md's settings section is generated from the catalogue: it fails here when it is stale. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../src/process/tools.js';
import { DOCS_BEGIN, DOCS_END, renderSettingsDocs, withSettingsDocs } from '../../../src/settings/docs.js';
import { SETTING_ENTRIES, envName } from '../../../src/settings/index.js';

test('README.md settings section is current (else: npm run docs:settings)', () => {
  const readme = readFileSync(join(repoRoot(), 'README.md'), 'utf8');
  assert.ok(readme.includes(DOCS_BEGIN) && readme.includes(DOCS_END), 'README.md has the settings markers');
  assert.equal(withSettingsDocs(readme, renderSettingsDocs()), readme, 'run npm run docs:settings');
});

test('every setting is in the generated section, by its variable', () => {
  const section = renderSettingsDocs();
  for (const [key] of SETTING_ENTRIES) assert.ok(section.includes(`\`${envName(key)}\``), key);
});

test('every setting has a doc line and a variable named PIECES_*', () => {
  for (const [key, s] of SETTING_ENTRIES) {
    assert.ok(s.doc.length > 10, `${key} has a doc line`);
    assert.match(envName(key), /^PIECES_[A-Z0-9_]+$/, key);
  }
});
