/**
 * Any contract can judge, and every expectation says how sure it is, end to end:
 * - `--contract seed` and `--contract upstream-2025-02` judge the emulator by what that version
 *   documents (a small subset of tests each), and the summary names the contract;
 * - a hand-made contract file judges too: operations it lacks are "not in the contract", never failed;
 * - an emulator started `lax` (it breaks only assumed expectations) passes under the live default
 *   `--assumptions warn`, with the unmet assumptions listed as warnings in summary.md and JUnit.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator } from '../../emulator/index.js';
import { cli, removeScratch, scratch } from './helpers.js';

after(removeScratch);

const SMALL = ['--suite', 'contract', '--grep', '@WellKnown|@Applications', '--no-html'];

// The four runs go side by side (each is mostly start-up); the tests read their reports.
const seedReports = scratch('seed');
const upstreamReports = scratch('upstream');
const fileReports = scratch('file');
const laxReports = scratch('lax');
const file = join(fileReports, 'mine.yaml');
writeFileSync(
  file,
  [
    'openapi: 3.0.3',
    'info: { title: Mine, version: 0.0.1 }',
    'paths:',
    '  /.well-known/health:',
    '    get:',
    '      operationId: health',
    '      responses:',
    "        '200': { description: ok, content: { text/plain: { schema: { type: string } } } }",
    '',
  ].join('\n'),
);
const emu = await startEmulator({ port: 0, lax: true });
after(() => emu.close());
const [seedRun, upstreamRun, fileRun, laxRun] = await Promise.all([
  cli(['run', '--contract', 'seed', ...SMALL, '--reports-dir', seedReports]),
  cli(['run', '--contract', 'upstream-2025-02', ...SMALL, '--reports-dir', upstreamReports]),
  cli(['run', '--contract', file, ...SMALL, '--reports-dir', fileReports]),
  cli([
    'run',
    '--target',
    emu.url,
    '--suite',
    'contract',
    '--suite',
    'stream',
    '--grep',
    'session opens|over 1 MiB|malformed input',
    '--no-html',
    '--reports-dir',
    laxReports,
  ]),
]);

test('--contract seed judges by the seed: its header names it and its statuses are what the seed documents', () => {
  const run = seedRun;
  const md = readFileSync(join(seedReports, 'summary.md'), 'utf8');
  assert.match(md, /\*\*Contract:\*\* seed \(/, md);
  // The seed documents 200 only for closing a session: the emulator's 409 on a second close breaks it.
  assert.equal(run.code, 1, run.stdout);
  assert.match(md, /- \*\*closeApplicationSession\*\*: Received: 409 \/ Documented: 200/);
  assert.match(md, /### Basis `contract`/);
});

test('--contract upstream-2025-02 judges by that upstream version', () => {
  const run = upstreamRun;
  const md = readFileSync(join(upstreamReports, 'summary.md'), 'utf8');
  assert.match(md, /\*\*Contract:\*\* upstream 2025-02 \(/, md);
  assert.match(md, /\*\*Contract file:\*\* spec\/versions\/upstream\/2025-02-03_csharp-sdk-e4f3d4e\/openapi\.yaml/);
  assert.notEqual(run.code, 2, run.stdout + run.stderr);
});

test("a user's contract file judges; what it lacks is not in the contract, never a failure", () => {
  const run = fileRun;
  const md = readFileSync(join(fileReports, 'summary.md'), 'utf8');
  assert.equal(run.code, 0, `${run.stdout}\n${md}`);
  assert.match(md, /\*\*Contract:\*\* .*mine\.yaml \(Mine 0\.0\.1\)/);
  assert.match(md, /Not in the contract \(exercised by the suites, not judged\): .*closeApplicationSession/);
  assert.match(md, /\| getWellKnownHealth \| 200 \|/);
});

test('a lax emulator passes under --assumptions warn, its unmet assumptions listed as warnings', () => {
  const run = laxRun;
  const md = readFileSync(join(laxReports, 'summary.md'), 'utf8');
  assert.equal(run.code, 0, `${run.stdout}\n${md}`);
  assert.match(md, /\*\*Assumptions:\*\* warn/);
  assert.match(md, /## Warnings \(\d+, not failures\)/);
  assert.match(md, /⚠ \[session_lifecycle\] closeApplicationSession: .*Received: 200 .*Expected: 409/);
  assert.match(md, /⚠ \[negative_data_rejection\] createAsset: .*body over 1 MiB/);
  assert.match(md, /⚠ \[stream_in_band_error\] qgptStream: .*expected FAILED/);
  const junit = readFileSync(join(laxReports, 'junit.xml'), 'utf8');
  assert.match(junit, /<property name="warning" value="assumed: \[session_lifecycle\]/);
});
