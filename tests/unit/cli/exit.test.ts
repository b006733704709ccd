/** Exit-code mapping (0 conformant, 1 failures, 2 harness), suite-error lines, and the Playwright invocation. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXIT, errorLine, exitCodeFor } from '../../../src/cli/exit.js';
import type { RunOutcome } from '../../../src/cli/exit.js';
import { globalErrorAsHarness } from '../../../src/cli/run/reports.js';
import { childEnv, playwrightArgs, shellLine, suiteEnv } from '../../../src/cli/run/invocation.js';
import { parseFaultList } from '../../../src/cli/run/preflight.js';
import type { RunConfig } from '../../../src/cli/config/resolve.js';
import { defaultSettings } from '../../../src/settings/index.js';
import { reportPaths } from '../../../src/report/paths.js';
import { toProperties } from '../../../src/report/environment.js';
import { HarnessError } from '../../../src/core/errors.js';

const counts = (expected: number, unexpected = 0, flaky = 0, skipped = 0) => ({ expected, unexpected, flaky, skipped });

// a finished run → its exit code
const rows: Array<[string, RunOutcome, number]> = [
  ['all passed', { runnerStatus: 0, counts: counts(12) }, EXIT.ok],
  ['passed and skipped (downloads not allowed)', { runnerStatus: 0, counts: counts(10, 0, 0, 2) }, EXIT.ok],
  [
    'a flaky pass is a pass (retries are 0 in the suite anyway)',
    { runnerStatus: 0, counts: counts(10, 0, 1) },
    EXIT.ok,
  ],
  ['everything skipped (read-only run)', { runnerStatus: 0, counts: counts(0, 0, 0, 5) }, EXIT.ok],
  ['one failed test', { runnerStatus: 1, counts: counts(11, 1) }, EXIT.failures],
  [
    'failures and a coverage-gate error: failures win',
    { runnerStatus: 1, counts: counts(3, 2), globalErrors: ['coverage gate'] },
    EXIT.failures,
  ],
  [
    'unreachable target before the run',
    { runnerStatus: null, harnessError: new HarnessError('target', 'no healthy Pieces OS') },
    EXIT.harness,
  ],
  [
    'harness error even with failed tests',
    { runnerStatus: 1, counts: counts(0, 3), harnessError: new HarnessError('spec', 'x') },
    EXIT.harness,
  ],
  ['no results file (Playwright crashed)', { runnerStatus: 1 }, EXIT.harness],
  [
    'global setup failed: nothing ran',
    { runnerStatus: 1, counts: counts(0), globalErrors: ['pieces-conformance: spec error: ...'] },
    EXIT.harness,
  ],
  [
    'coverage gate failed, every test passed',
    { runnerStatus: 1, counts: counts(20), globalErrors: ['coverage gate: 2 operations never exercised'] },
    EXIT.harness,
  ],
  ['runner failed without failed tests (compile error)', { runnerStatus: 1, counts: counts(4) }, EXIT.harness],
  ['killed by a signal', { runnerStatus: null, counts: counts(4) }, EXIT.harness],
  ['no tests matched (grep, shard)', { runnerStatus: 0, counts: counts(0) }, EXIT.harness],
];
for (const [name, outcome, code] of rows) {
  test(`exit code: ${name} → ${code}`, () => assert.equal(exitCodeFor(outcome), code));
}

// anything thrown → the one line on stderr
const errors: Array<[unknown, RegExp]> = [
  [
    new HarnessError('target', 'no healthy Pieces OS at http://x', 'start it'),
    /^pieces-conformance: target error: no healthy Pieces OS at http:\/\/x \(start it\)$/,
  ],
  [
    new TypeError('boom\n    at foo (x.ts:1:1)'),
    /^pieces-conformance: internal error: boom \(this is a bug.*PIECES_DEBUG=1/,
  ],
  ['a string', /^pieces-conformance: internal error: a string/],
];
for (const [err, line] of errors) {
  test(`errorLine(${String(err).split('\n')[0]})`, () => {
    const text = errorLine(err);
    assert.match(text, line);
    assert.doesNotMatch(text, /\n/);
  });
}

// an error outside the tests, as Playwright reports it → the line printed
const globals: Array<[string, string, string]> = [
  [
    'Error: pieces-conformance: coverage gate: 2 operations of the contract never exercised: a, b (1/3 seed operations) (add tests for them, or set PIECES_COVERAGE_GATE=report)',
    'pieces-conformance: coverage gate: 2 operations of the contract never exercised: a, b (1/3 seed operations) (add tests for them, or set PIECES_COVERAGE_GATE=report)',
    'usage',
  ],
  [
    'pieces-conformance: spec error: spec/x.yaml: #/paths: bad (fix the contract document)',
    'pieces-conformance: spec error: spec/x.yaml: #/paths: bad (fix the contract document)',
    'spec',
  ],
  [
    'Error: No tests found',
    'pieces-conformance: usage error: no test matched (check --grep, --grep-invert, --suite and --shard (pieces-conformance run --list shows the selection))',
    'usage',
  ],
  [
    'Error: Cannot find module ./x',
    'pieces-conformance: internal error: Cannot find module ./x (see the Playwright output above)',
    'internal',
  ],
];
for (const [raw, line, code] of globals) {
  test(`global error ${raw.slice(0, 50)}…`, () => {
    const h = globalErrorAsHarness(raw)!;
    assert.equal(h.toLine(), line);
    assert.equal(h.code, code);
  });
}

const cfg = (over: Partial<RunConfig>): RunConfig => ({ ...defaultSettings(), ...over });
const paths = reportPaths('reports', '/repo');

// config → playwright test arguments
const argRows: Array<[Partial<RunConfig>, { list?: boolean }, string[]]> = [
  [{}, {}, []],
  [{ suites: ['contract'] }, {}, ['--project=contract']],
  [{ suites: ['stream', 'property'] }, {}, ['--project=stream', '--project=property']],
  [{ grep: 'Assets', grepInvert: 'slow' }, {}, ['--grep=Assets', '--grep-invert=slow']],
  [{ shard: { index: 2, total: 3 }, workers: 1 }, {}, ['--shard=2/3', '--workers=1']],
  [{}, { list: true }, ['--list']],
];
for (const [over, opts, args] of argRows) {
  test(`playwright args for ${JSON.stringify(over)}${opts.list ? ' --list' : ''}`, () =>
    assert.deepEqual(playwrightArgs(cfg(over), opts), args));
}

test('suite environment: every variable set or cleared; a stray PIECES_BASE_URL cannot leak in', () => {
  const vars = suiteEnv(
    cfg({ faults: ['gone-as-404', 'health-json'], readonly: true, fcSeed: 7, shard: { index: 1, total: 2 } }),
    paths,
  );
  assert.equal(vars.PIECES_BASE_URL, undefined);
  assert.equal(vars.PIECES_EMULATOR_FAULTS, 'gone-as-404,health-json');
  assert.equal(vars.PIECES_READONLY, '1');
  assert.equal(vars.PIECES_ALLOW_DOWNLOADS, undefined);
  assert.equal(vars.PIECES_FC_SEED, '7');
  assert.equal(vars.PIECES_TIMEOUT_MS, undefined, 'a default is not handed over: the suites have the same one');
  assert.equal(vars.PIECES_SHARD, '1/2');
  assert.equal(vars.PIECES_REPORTS_DIR, '/repo/reports');
  assert.equal(vars.PLAYWRIGHT_BLOB_OUTPUT_DIR, '/repo/reports/blob');
  const env = childEnv({ PATH: '/bin', PIECES_BASE_URL: 'http://stale', PIECES_READONLY: '0' }, vars);
  assert.equal(env.PATH, '/bin');
  assert.equal('PIECES_BASE_URL' in env, false);
  assert.equal(env.PIECES_READONLY, '1');
});

test('a resolved target (auto discovered) is what the suite receives', () => {
  const vars = suiteEnv(cfg({ target: 'auto' }), paths, 'http://127.0.0.1:39301');
  assert.equal(vars.PIECES_BASE_URL, 'http://127.0.0.1:39301');
  assert.equal(vars.PLAYWRIGHT_BLOB_OUTPUT_DIR, undefined);
});

test('the printed command line reruns the same thing by hand', () => {
  const vars = suiteEnv(cfg({ target: 'http://127.0.0.1:39300', validation: 'lenient' }), paths);
  assert.equal(
    shellLine(['--project=contract', '--grep=asset life'], vars),
    "PIECES_BASE_URL=http://127.0.0.1:39300 PIECES_VALIDATION=lenient npx playwright test --project=contract '--grep=asset life'",
  );
});

test('fault names from the emulator --list-faults table', () => {
  const table =
    'NAME          TAG     OPERATION\nhealth-json   Well    getWellKnownHealth  x  y\ngone-as-404   Assets  getAsset  a b\n\n2 fault switches.\n';
  assert.deepEqual(parseFaultList(table), ['health-json', 'gone-as-404']);
});

test('environment.properties escapes keys and values as Java properties', () => {
  assert.equal(
    toProperties({ 'Target URL': 'http://x:1', 'a=b': 'line\nbreak' }),
    'Target\\ URL=http://x:1\na\\=b=line\\nbreak\n',
  );
});
