/** summary.md from a fixture Playwright JSON report and coverage file; failure-line parsing. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { factShape, firstLine, groupFailures, parseFailureLines } from '../../../src/report/failures.js';
import { parseResults, readResults, stripAnsi } from '../../../src/report/results.js';
import type { PwJsonReport } from '../../../src/report/results.js';
import { formatMs, renderSummary } from '../../../src/report/summary.js';
import type { CoverageSummary } from '../../../src/coverage/gate.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const results = readResults(fixture('results.json'));
const coverage = JSON.parse(readFileSync(fixture('coverage.json'), 'utf8')) as CoverageSummary;
const environment = {
  'Target URL': 'http://127.0.0.1:39300',
  'Target version': '12.3.1',
  'Contract version': '1.1.0',
  'Validation mode': 'strict',
};

test('results: every test flattened with project, title path, status and ANSI-free errors', () => {
  assert.equal(results.tests.length, 7);
  const byTitle = new Map(results.tests.map((t) => [t.titlePath.at(-1), t]));
  assert.deepEqual(byTitle.get('an asset lives and is deleted')?.titlePath, [
    'Assets',
    'an asset lives and is deleted',
  ]);
  assert.equal(byTitle.get('an asset lives and is deleted')?.status, 'failed');
  assert.equal(byTitle.get('download, load, unload')?.status, 'skipped');
  assert.match(byTitle.get('download, load, unload')?.skipReason ?? '', /PIECES_ALLOW_DOWNLOADS=1/);
  assert.equal(byTitle.get('a model answers')?.status, 'flaky');
  assert.equal(byTitle.get('question streams to COMPLETED')?.project, 'stream');
  for (const t of results.tests) for (const e of t.errors) assert.doesNotMatch(e, /\u001b\[/);
});

// a message → the failure lines found in it
const lines: Array<[string, Array<[string, string, string, string]>]> = [
  [
    '[use_after_delete] getAsset: Use after delete. Received: 200 / Expected: 410',
    [['use_after_delete', 'getAsset', 'Use after delete', 'Received: 200 / Expected: 410']],
  ],
  [
    '✗ [stream_grammar] /qgpt/stream: Stream grammar broken. request r1: frame after COMPLETED',
    [['stream_grammar', '/qgpt/stream', 'Stream grammar broken', 'request r1: frame after COMPLETED']],
  ],
  [
    '2 contract failures:\n✗ [a_check] opA: Title one. facts 1.5 s\n✗ [b_check] opB: Title two. x',
    [
      ['a_check', 'opA', 'Title one', 'facts 1.5 s'],
      ['b_check', 'opB', 'Title two', 'x'],
    ],
  ],
  ['Test timeout of 60000ms exceeded.', []],
  ['expect(received).toBe(expected) [not a check line]', []],
];
for (const [message, expected] of lines) {
  test(`failure lines of ${JSON.stringify(message.slice(0, 40))}`, () => {
    assert.deepEqual(
      parseFailureLines(message).map((f) => [f.check, f.operation, f.title, f.facts]),
      expected,
    );
  });
}

// facts → their shape (ids and measures blurred, statuses kept)
const shapes: Array<[string, string]> = [
  [
    'request r-12: no terminal frame: the stream went silent for 3000 ms (40 frames, last IN-PROGRESS at +122 ms)',
    'request <id>: no terminal frame: the stream went silent for # ms (# frames, last IN-PROGRESS at +# ms)',
  ],
  [
    'Received: 200 for GET /asset/d4781efc-2c01-475c-b6c8-45f98b8ba364 after deleteAsset / Expected: 410',
    'Received: 200 for GET /asset/<id> after deleteAsset / Expected: 410',
  ],
  ['Received: 500 / Documented: 200, 400, 4XX', 'Received: 500 / Documented: 200, 400, 4XX'],
  ['Received: 404 / Documented: 200, 400, 410', 'Received: 404 / Documented: 200, 400, 410'],
];
for (const [facts, shape] of shapes)
  test(`factShape: ${facts.slice(0, 40)}…`, () => assert.equal(factShape(facts), shape));

test('failures of the same shape collapse into one item that counts them; different statuses do not', () => {
  const outcome = (title: string, lines: string[]) => ({
    project: 'stream',
    file: 'f',
    line: 1,
    titlePath: [title],
    tags: [],
    status: 'failed' as const,
    durationMs: 1,
    errors: [lines.join('\n')],
  });
  const { groups } = groupFailures([
    outcome(
      'twenty sockets',
      Array.from(
        { length: 20 },
        (_, i) =>
          `✗ [stream_grammar] qgptStream: Grammar broken. request r-${i}: no terminal frame after ${3000 + i} ms`,
      ),
    ),
    outcome('one socket', [
      '✗ [stream_grammar] qgptStream: Grammar broken. request r-1: no terminal frame after 3000 ms',
    ]),
    outcome('statuses', [
      '✗ [status_code_conformance] getAsset: Undocumented HTTP status code. Received: 404 / Documented: 200, 410',
      '✗ [status_code_conformance] getAsset: Undocumented HTTP status code. Received: 500 / Documented: 200, 410',
    ]),
  ]);
  const grammar = groups.find((g) => g.check === 'stream_grammar')!;
  assert.equal(grammar.items.length, 1);
  assert.equal(grammar.items[0].occurrences, 21); // 20 distinct facts + the one socket's own
  assert.deepEqual(grammar.items[0].tests, ['stream › twenty sockets', 'stream › one socket']);
  const status = groups.find((g) => g.check === 'status_code_conformance')!;
  assert.equal(status.items.length, 2);
});

test('failures are grouped by check, then operation; duplicates across tests collapse', () => {
  const { groups, other } = groupFailures(results.tests);
  assert.deepEqual(
    groups.map((g) => g.check),
    ['status_code_conformance', 'stream_grammar', 'use_after_delete'],
  );
  const status = groups[0];
  assert.equal(status.items.length, 1, 'the same 404 in two tests is one item');
  assert.equal(status.items[0].tests.length, 2);
  assert.deepEqual(
    groups[2].items.map((i) => i.operation),
    ['getAsset', 'getAssetsSnapshot'],
  );
  assert.deepEqual(other, [{ test: 'contract › Models › hangs', message: 'Test timeout of 60000ms exceeded.' }]);
});

const md = renderSummary({
  results,
  coverage,
  environment,
  exitCode: 1,
  timing: { wallMs: 70_500, playwrightMs: 65_432, reportsMs: 2_100 },
  links: { JUnit: 'reports/junit.xml', Allure: 'reports/allure-report/index.html' },
});

// fragments the summary must hold, in this order
const expectedInOrder = [
  '# Pieces OS conformance: ❌ FAIL: conformance failures',
  '**Target URL:** http://127.0.0.1:39300 · **Target version:** 12.3.1 · **Contract version:** 1.1.0 · **Validation mode:** strict',
  '| 7 | 1 | 4 | 1 | 1 | 3/4 seed operations, 0/0 neighbours |',
  '## Failures (5 distinct, in 4 failed tests)',
  '### `status_code_conformance`: Undocumented HTTP status code',
  '- **getAsset**: Received: 404 / Documented: 200, 400, 410 (test: contract › Assets › an asset lives and is deleted (+1 more))',
  '### `stream_grammar`: Stream grammar broken',
  '- **/qgpt/stream**: request r1: frame after COMPLETED (IN-PROGRESS) (test: stream › question streams to COMPLETED)',
  '### `use_after_delete`: Use after delete',
  '- **getAsset**: Received: 200 for GET /asset/a1 after deleteAsset of a1 / Expected: 410',
  '- **getAssetsSnapshot**: getAssetsSnapshot still lists a1 after deleteAsset',
  '### Other failures',
  '- contract › Models › hangs: Test timeout of 60000ms exceeded.',
  'Skipped: 1 × model downloads on a live target need PIECES_ALLOW_DOWNLOADS=1.',
  '## Coverage: 3/4 seed operations, 0/0 neighbours (gate failed)',
  'Never exercised: getUser.',
  '<details>',
  '| getAsset | 200, 404 | 200, 400, 410 | 3 | status_code_conformance, use_after_delete |',
  '| getUser | not exercised | 200 | 0 | — |',
  '| qgptStream (ws) | 101 | 101, 200 | 1 | stream_grammar |',
  '</details>',
  '## Timing',
  '- wall 1 min 11 s · suites 1 min 05 s · reports 2.1 s',
  '- per suite (test time): contract 6 tests 1 min 03 s · stream 1 tests 700 ms',
  '- slowest: contract › Models › hangs (1 min 00 s)',
  'Reports: JUnit `reports/junit.xml` · Allure `reports/allure-report/index.html`',
];

test('the summary holds verdict, counts, grouped failures, coverage and timing, in that order', () => {
  let at = 0;
  for (const fragment of expectedInOrder) {
    const i = md.indexOf(fragment, at);
    assert.ok(i >= 0, `missing or out of order: ${fragment}\n---\n${md}`);
    at = i + fragment.length;
  }
});

test('the summary is short enough to paste into a pull request', () => {
  const outsideDetails = md.replace(/<details>[\s\S]*<\/details>/, '');
  assert.ok(outsideDetails.split('\n').length <= 50, `${outsideDetails.split('\n').length} lines`);
  assert.ok(md.length < 65_536, 'under the size of a GitHub comment');
});

test('failure lines are capped; the rest is counted', () => {
  const capped = renderSummary({ results, coverage, environment, exitCode: 1, timing: { wallMs: 1 }, maxFailures: 2 });
  assert.equal((capped.match(/^- \*\*/gm) ?? []).length, 2);
  assert.match(capped, /… 3 more: see junit.xml or the Allure report\./);
});

// exit code → verdict line
const verdicts: Array<[number, string]> = [
  [0, '✅ PASS: the target conforms to the contract'],
  [1, '❌ FAIL: conformance failures'],
  [2, '⚠️ ERROR: the harness could not judge the target'],
];
for (const [code, verdict] of verdicts) {
  test(`exit ${code} reads "${verdict}"`, () => {
    const text = renderSummary({
      results: parseResults({
        suites: [],
        stats: { startTime: '', duration: 0, expected: 0, unexpected: 0, flaky: 0, skipped: 0 },
      } as PwJsonReport),
      environment: {},
      exitCode: code,
      timing: { wallMs: 5 },
      harnessError: code === 2 ? 'pieces-conformance: target error: no healthy Pieces OS at http://x' : undefined,
    });
    assert.ok(text.startsWith(`# Pieces OS conformance: ${verdict}`));
    if (code === 2)
      assert.match(text, /```\npieces-conformance: target error: no healthy Pieces OS at http:\/\/x\n```/);
  });
}

test('a partial run (grep, shard) reports coverage without gating it', () => {
  const text = renderSummary({
    results,
    coverage,
    environment,
    exitCode: 1,
    timing: { wallMs: 1 },
    partialRun: 'shard 1/2',
  });
  assert.match(text, /## Coverage: 3\/4 seed operations, 0\/0 neighbours \(partial run, shard 1\/2: not gated\)/);
  assert.doesNotMatch(text, /Never exercised/);
});

// ms → text
const durations: Array<[number, string]> = [
  [0, '0 ms'],
  [999, '999 ms'],
  [1000, '1.0 s'],
  [59_949, '59.9 s'],
  [60_000, '1 min 00 s'],
  [125_000, '2 min 05 s'],
];
for (const [ms, text] of durations) test(`formatMs(${ms}) = ${text}`, () => assert.equal(formatMs(ms), text));

test('stripAnsi and firstLine', () => {
  assert.equal(stripAnsi('\u001b[31mred\u001b[39m'), 'red');
  assert.equal(firstLine('Error: \n  boom happened\nmore'), 'boom happened');
  assert.equal(firstLine('Error: x failed'), 'x failed');
});

test('operations exercised only by refusals are named under the coverage heading (a fixture written before the field read as none)', () => {
  assert.doesNotMatch(md, /Only refusals seen/);
  const text = renderSummary({
    results,
    coverage: { ...coverage, refusalsOnly: ['createAsset', 'qgptQuestion'] },
    environment,
    exitCode: 0,
    timing: { wallMs: 1 },
  });
  assert.match(
    text,
    /^⚠ Only refusals seen, no success answer \(the success path was never judged\): createAsset, qgptQuestion\.$/m,
  );
});

test('failures are grouped by basis (from their annotations) and warnings get their own section', () => {
  const session =
    '[session_lifecycle] closeApplicationSession: Session lifecycle violated. Received: 200 for closing s a second time / Expected: 409';
  const status = '[status_code_conformance] getAsset: Undocumented HTTP status code. Received: 404 / Documented: 200';
  const tests = [
    {
      project: 'contract',
      file: 'f',
      line: 1,
      titlePath: ['red'],
      tags: [],
      status: 'failed' as const,
      durationMs: 1,
      errors: [`2 contract failures:\n✗ ${status}\n✗ ${session}`],
      annotations: [
        { type: 'failure-basis', description: `contract: ${status}` },
        { type: 'failure-basis', description: `assumed: ${session}` },
      ],
    },
    {
      project: 'contract',
      file: 'f',
      line: 2,
      titlePath: ['warned'],
      tags: [],
      status: 'passed' as const,
      durationMs: 1,
      errors: [],
      annotations: [{ type: 'warning', description: `assumed: ${session}` }],
    },
  ];
  const { groups } = groupFailures(tests);
  assert.deepEqual(
    groups.map((g) => [g.basis, g.check]),
    [
      ['contract', 'status_code_conformance'],
      ['assumed', 'session_lifecycle'],
    ],
  );
  const md = renderSummary({
    results: {
      tests,
      stats: { startTime: '', duration: 1, expected: 1, unexpected: 1, flaky: 0, skipped: 0 },
      globalErrors: [],
    },
    environment: {},
    exitCode: 1,
    timing: { wallMs: 1 },
  });
  assert.match(md, /### Basis `contract` \(1\)[\s\S]*### Basis `assumed` \(1\)/);
  assert.match(md, /## Warnings \(1, not failures\)\n\n### `assumed` \(1\)/);
  assert.match(md, /- ⚠ \[session_lifecycle\] closeApplicationSession: .* \(test: contract › warned\)/);
});
