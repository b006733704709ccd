/**
 * The self-test end to end, fast subset (`pieces-conformance selftest --fast`): a handful of
 * faults across tags, each run through the real CLI with its switch on, plus the clean control of
 * the same tests. Every fault must be caught by its expected check and the clean run must pass;
 * the table, the score and both reports say so. The whole catalogue is `npm run selftest`.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, removeScratch, scratch } from './helpers.js';
import { FAST_FAULTS } from '../../src/selftest/select.js';

after(removeScratch);

const reports = scratch('selftest');
const run = await cli(['selftest', '--fast', '--reports-dir', reports]);
const output = `${run.stdout}\n${run.stderr}`;

test('the fast subset: every fault caught, the clean run conformant, exit 0', () => {
  assert.equal(run.code, 0, output);
  assert.match(
    run.stdout,
    new RegExp(`score: ${FAST_FAULTS.length} / ${FAST_FAULTS.length} faults caught \\(100 %\\)`),
  );
  assert.match(run.stdout, /clean run: conformant \(\d+ passed/);
  assert.match(run.stdout, /time: .* in all/);
});

test('the table: fault, expected check, caught by, verdict, one row per fault', () => {
  assert.match(run.stdout, /^FAULT +EXPECTED CHECK +CAUGHT BY +VERDICT +RUN +TIME$/m);
  for (const f of FAST_FAULTS)
    assert.match(run.stdout, new RegExp(`^${f} +[a-z_]+ +[a-z_, ]+ +caught +`, 'm'), `row of ${f}`);
  assert.match(run.stdout, /^stream-frames-after-terminal +stream_grammar +stream_grammar.* +caught +stream @QGPT/m);
});

test("selftest.md and selftest.json hold the score, the rows and each run's reports", () => {
  const md = readFileSync(join(reports, 'selftest.md'), 'utf8');
  assert.match(md, /^# Harness self-test: ✅ every fault caught, clean run conformant/);
  assert.match(md, new RegExp(`\\*\\*Score: ${FAST_FAULTS.length} / ${FAST_FAULTS.length} faults caught`));
  assert.match(
    md,
    /\| `health-json` \| Well Known \| `content_type_conformance` \| content_type_conformance.* \| ✅ caught \|/,
  );
  const json = JSON.parse(readFileSync(join(reports, 'selftest.json'), 'utf8'));
  assert.equal(json.exitCode, 0);
  assert.deepEqual(
    json.faults.map((f: any) => f.verdict),
    FAST_FAULTS.map(() => 'caught'),
  );
  assert.equal(json.clean.passed, true);
  for (const f of json.faults) {
    const dir = join(reports, 'selftest', f.name);
    assert.ok(
      existsSync(join(dir, 'results.json')) && existsSync(join(dir, 'run.log')) && existsSync(join(dir, 'summary.md')),
      dir,
    );
  }
});
