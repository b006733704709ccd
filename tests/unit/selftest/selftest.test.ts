/**
 * The self-test's logic without Playwright: the catalogue parser, the selection table, verdicts,
 * the score and exit code, the table and reports, and the orchestration (widening, the clean run)
 * with a scripted runner in place of `pieces-conformance run`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  cleanVerdict,
  describeSelection,
  faultVerdict,
  outcomeOf,
  parseFaultCatalogue,
  pickFaults,
  pool,
  runArgs,
  runSelftest,
  scoreOf,
  selectionFor,
  selftestExitCode,
  textTable,
  unionSelection,
  type FaultEntry,
  type RunOutcome,
  type RunRequest,
} from '../../../src/selftest/index.js';

const LISTING = `NAME                  TAG          OPERATION           EXPECTED CHECK               DESCRIPTION
health-json           Well Known   getWellKnownHealth  content_type_conformance     Health answers {"status":"ok"} as JSON.
gone-as-404           Assets       getAsset            status_code_conformance      An unknown asset is answered 404.
stream-no-completed   QGPT         qgptStream          stream_grammar               Streamed answers never end with COMPLETED.

3 fault switches.
`;

test('catalogue: columns cut at the header offsets (a tag may hold a space)', () => {
  const list = parseFaultCatalogue(LISTING);
  assert.equal(list.length, 3);
  assert.deepEqual(list[0], {
    name: 'health-json',
    tag: 'Well Known',
    operation: 'getWellKnownHealth',
    expectedCheck: 'content_type_conformance',
    description: 'Health answers {"status":"ok"} as JSON.',
  });
  assert.equal(list[2].expectedCheck, 'stream_grammar');
  assert.throws(() => parseFaultCatalogue('nothing here'), /NAME header/);
});

// fault (tag, expected check) → the run that judges it
const selections: Array<[string, string, string, string]> = [
  // stream checks: the stream project, by tag
  ['QGPT', 'qgptStream', 'stream_grammar', 'stream @QGPT'],
  ['Models', 'modelDownloadProgress', 'download_progress_monotonic', 'stream @Models'],
  // a check judged on streamed questions: contract and stream
  [
    'Conversations',
    'getConversationMessages',
    'conversation_messages_recorded',
    'contract+stream @Conversations|@QGPT',
  ],
  // everything else: the contract tests of the tag and the negative cases of the operation
  ['Well Known', 'getWellKnownHealth', 'content_type_conformance', 'contract @WellKnown|getWellKnownHealth refuses'],
  ['Assets', 'deleteAsset', 'use_after_delete', 'contract @Assets|deleteAsset refuses'],
  // formats live and die with their asset: the asset lifecycle test reads them after a delete
  ['Formats', 'getFormat', 'use_after_delete', 'contract @Formats|@Assets|getFormat refuses'],
  // security probes: REST ones in the contract project, WebSocket upgrades in the stream project
  ['Security', 'getAssetsSnapshot', 'host_allowlist_rest', 'contract+stream @Security'],
  ['Security', 'qgptStream', 'cross_site_websocket_hijacking', 'contract+stream @Security'],
];
for (const [tag, operation, check, expected] of selections) {
  test(`selection: ${tag} / ${check} → ${expected}`, () => {
    assert.equal(describeSelection(selectionFor({ tag, operation, expectedCheck: check })), expected);
  });
}

test('selection: the union of several is the clean control of a subset; one without a filter means no filter', () => {
  assert.deepEqual(
    unionSelection([
      { suites: ['contract'], grep: '@Assets|@Negative' },
      { suites: ['stream'], grep: '@QGPT' },
      { suites: ['contract'], grep: '@Models|@Negative' },
    ]),
    { suites: ['contract', 'stream'], grep: '@Assets|@Negative|@QGPT|@Models' },
  );
  assert.deepEqual(unionSelection([{ suites: ['contract'], grep: '@A' }, { suites: ['property'] }]), {
    suites: ['contract', 'property'],
  });
  assert.equal(
    describeSelection({ suites: ['contract', 'stream', 'property'], widened: true }),
    'every suite (widened)',
  );
});

test('runArgs: the CLI invocation of one run', () => {
  assert.deepEqual(
    runArgs({
      reportsDir: '/r/x',
      selection: { suites: ['stream'], grep: '@QGPT' },
      faults: ['stream-crosstalk'],
      workers: 2,
    }),
    [
      'run',
      '--no-html',
      '--reports-dir',
      '/r/x',
      '--workers',
      '2',
      '--suite',
      'stream',
      '--grep',
      '@QGPT',
      '--fault',
      'stream-crosstalk',
    ],
  );
});

const outcome = (o: Partial<RunOutcome> = {}): RunOutcome => ({
  exitCode: 1,
  checksFired: [],
  testsFailed: [],
  otherFailures: [],
  counts: { passed: 5, failed: 0, skipped: 0, flaky: 0 },
  durationMs: 1000,
  reportsDir: '/r',
  ...o,
});

// expected check, what the run showed → verdict
const verdicts: Array<[string, Partial<RunOutcome>, string]> = [
  ['use_after_delete', { checksFired: ['use_after_delete'] }, 'caught'],
  // collateral checks do not matter; the expected one must be among them
  ['use_after_delete', { checksFired: ['status_code_conformance', 'use_after_delete'] }, 'caught'],
  // another check firing instead is still a miss of the expected check
  ['use_after_delete', { checksFired: ['status_code_conformance'] }, 'missed'],
  ['use_after_delete', { exitCode: 0 }, 'missed'],
  // the harness could not judge: not a miss, an error
  ['use_after_delete', { exitCode: 2, harnessError: 'pieces-conformance: target error: ...' }, 'error'],
  ['use_after_delete', { exitCode: null }, 'error'],
];
for (const [check, o, expected] of verdicts) {
  test(`verdict: ${check} with ${JSON.stringify(o)} → ${expected}`, () =>
    assert.equal(faultVerdict(check, outcome(o)), expected));
}

test('clean verdict: only exit 0 with passing tests and no fired check passes', () => {
  assert.deepEqual(cleanVerdict(outcome({ exitCode: 0 })), { passed: true, error: false, problems: [] });
  const falseAlarm = cleanVerdict(
    outcome({
      exitCode: 1,
      checksFired: ['stream_grammar'],
      testsFailed: ['stream › a'],
      counts: { passed: 4, failed: 1, skipped: 0, flaky: 0 },
    }),
  );
  assert.equal(falseAlarm.passed, false);
  assert.match(falseAlarm.problems.join(' '), /false alarms\): stream_grammar/);
  assert.equal(cleanVerdict(outcome({ exitCode: 2, harnessError: 'x' })).error, true);
  assert.equal(
    cleanVerdict(outcome({ exitCode: 0, counts: { passed: 0, failed: 0, skipped: 3, flaky: 0 } })).passed,
    false,
  );
});

// verdicts, clean run → exit code
const exits: Array<[string[], boolean | undefined, 0 | 1 | 2]> = [
  [['caught', 'caught'], true, 0],
  [['caught', 'missed'], true, 1],
  [['caught', 'caught'], false, 1],
  [['caught', 'error'], true, 2],
  [['caught'], undefined, 1], // a clean run was asked for and did not happen
];
for (const [vs, clean, code] of exits) {
  test(`exit code: ${vs.join(',')} clean=${clean} → ${code}`, () => {
    const score = scoreOf(vs.map((verdict) => ({ verdict: verdict as 'caught' })));
    assert.equal(
      selftestExitCode(score, clean === undefined ? undefined : { passed: clean, error: false, problems: [] }, true),
      code,
    );
  });
}

test('score: caught / total, with misses and errors counted apart', () => {
  assert.deepEqual(
    scoreOf([{ verdict: 'caught' }, { verdict: 'missed' }, { verdict: 'error' }, { verdict: 'caught' }]),
    { caught: 2, missed: 1, errors: 1, total: 4 },
  );
});

test('pool: never more than n at a time, every item once', async () => {
  let running = 0;
  let peak = 0;
  const seen: number[] = [];
  await pool([1, 2, 3, 4, 5], 2, async (x) => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((r) => setTimeout(r, 5));
    seen.push(x);
    running--;
  });
  assert.equal(peak, 2);
  assert.deepEqual(seen.sort(), [1, 2, 3, 4, 5]);
});

test('pickFaults: an unknown name is a usage error naming it', () => {
  const cat = parseFaultCatalogue(LISTING);
  assert.deepEqual(
    pickFaults(cat, ['gone-as-404']).map((f) => f.name),
    ['gone-as-404'],
  );
  assert.throws(() => pickFaults(cat, ['nope']), /unknown fault switch: nope/);
});

test('outcomeOf: reads the checks that fired and the failed tests from results.json', () => {
  const dir = fileURLToPath(new URL('../report/fixtures/', import.meta.url));
  const o = outcomeOf(dir, 1, 1234);
  assert.ok(o.checksFired.includes('use_after_delete'), o.checksFired.join(','));
  assert.ok(o.testsFailed.length >= 1);
  assert.equal(o.harnessError, undefined);
  assert.match(
    outcomeOf('/nonexistent', 2, 1, 'pieces-conformance: target error: gone\n').harnessError ?? '',
    /target error/,
  );
});

test('runSelftest: a scripted runner; a missed fault is widened once; table, score and reports', async () => {
  const catalogue: FaultEntry[] = parseFaultCatalogue(LISTING);
  const calls: RunRequest[] = [];
  // health-json caught narrowly; gone-as-404 caught only on every suite; stream-no-completed never caught.
  const runner = async (r: RunRequest): Promise<RunOutcome> => {
    calls.push(r);
    const f = r.faults[0];
    if (!f) return outcome({ exitCode: 0, reportsDir: r.reportsDir });
    if (f === 'health-json') return outcome({ checksFired: ['content_type_conformance'], reportsDir: r.reportsDir });
    if (f === 'gone-as-404' && r.selection.widened)
      return outcome({ checksFired: ['status_code_conformance', 'use_after_delete'], reportsDir: r.reportsDir });
    return outcome({ exitCode: 0, reportsDir: r.reportsDir });
  };
  const dir = mkdtempSync(join(tmpdir(), 'pc-selftest-unit-'));
  const lines: string[] = [];
  try {
    const r = await runSelftest({
      root: dir,
      cwd: dir,
      env: {},
      reportsDir: dir,
      jobs: 2,
      workers: 2,
      out: (l) => lines.push(l),
      catalogue,
      runner,
    });
    assert.deepEqual(
      r.rows.map((x) => x.verdict),
      ['caught', 'caught', 'missed'],
    );
    assert.equal(r.rows[1].selection.widened, true);
    assert.deepEqual(r.rows[1].narrow?.checksFired, []);
    assert.deepEqual(r.score, { caught: 2, missed: 1, errors: 0, total: 3 });
    assert.equal(r.exitCode, 1);
    assert.equal(calls.filter((c) => c.faults.length === 0).length, 1, 'one clean run');
    assert.equal(calls.length, 1 + 3 + 2, 'clean + 3 narrow + 2 widened');
    const table = textTable(r.rows);
    assert.match(table, /^FAULT +EXPECTED CHECK +CAUGHT BY +VERDICT/);
    assert.match(
      table,
      /gone-as-404 +status_code_conformance +status_code_conformance, use_after_delete +caught +every suite \(widened\)/,
    );
    assert.match(table, /stream-no-completed +stream_grammar +— +MISSED/);
    assert.ok(
      lines.some((l) => l === 'score: 2 / 3 faults caught (67 %), 1 missed'),
      lines.join('\n'),
    );
    const md = readFileSync(join(dir, 'selftest.md'), 'utf8');
    assert.match(md, /\*\*Score: 2 \/ 3 faults caught/);
    assert.match(md, /## Not caught[\s\S]*`stream-no-completed` \(qgptStream\): missed/);
    assert.match(md, /## Widened selections[\s\S]*`gone-as-404`/);
    const json = JSON.parse(readFileSync(join(dir, 'selftest.json'), 'utf8'));
    assert.equal(json.score.caught, 2);
    assert.equal(json.faults[2].verdict, 'missed');
    assert.equal(json.clean.passed, true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
