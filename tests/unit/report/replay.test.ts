/** Replaying failures: what is selected again, and the verdict per test (one row per case). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { failedTests, replayMarkdown, replaySelection, replayVerdicts } from '../../../src/report/replay.js';
import type { TestOutcome } from '../../../src/report/results.js';

const t = (title: string, status: TestOutcome['status'], more: Partial<TestOutcome> = {}): TestOutcome => ({
  project: 'contract',
  file: 'tests/contract/assets.spec.ts',
  line: 17,
  titlePath: ['Assets', title],
  tags: [],
  status,
  durationMs: 1,
  errors: [],
  ...more,
});

const before = [
  t('lifecycle', 'failed', {
    errors: ['Error: 2 contract failures:\n✗ [use_after_delete] deleteAsset: Use after delete.'],
  }),
  t('snapshot', 'passed', { line: 40 }),
  t('flaky one', 'flaky', { line: 50 }),
  t('refuses bad json', 'failed', {
    project: 'contract',
    file: 'tests/contract/negative.spec.ts',
    line: 87,
    titlePath: ['Negative', 'createAsset refuses'],
  }),
  t('refuses wrong types', 'failed', {
    project: 'contract',
    file: 'tests/contract/negative.spec.ts',
    line: 87,
    titlePath: ['Negative', 'updateAsset refuses'],
  }),
  t('stream', 'failed', {
    project: 'stream',
    file: 'tests/stream/answers.spec.ts',
    line: 13,
    titlePath: ['QGPT', 'question only'],
  }),
];

test('only failed tests are replayed (a flaky test passed on its retry); locations once each, projects sorted', () => {
  const targets = failedTests(before);
  assert.deepEqual(
    targets.map((x) => x.title),
    ['Assets › lifecycle', 'Negative › createAsset refuses', 'Negative › updateAsset refuses', 'QGPT › question only'],
  );
  assert.deepEqual(replaySelection(targets), {
    locations: [
      'tests/contract/assets.spec.ts:17',
      'tests/contract/negative.spec.ts:87',
      'tests/stream/answers.spec.ts:13',
    ],
    projects: ['contract', 'stream'],
  });
});

const rows: Array<[string, TestOutcome[], string[]]> = [
  [
    'all fixed',
    [
      t('lifecycle', 'passed'),
      t('x', 'passed', {
        file: 'tests/contract/negative.spec.ts',
        line: 87,
        titlePath: ['Negative', 'createAsset refuses'],
      }),
      t('x', 'flaky', {
        file: 'tests/contract/negative.spec.ts',
        line: 87,
        titlePath: ['Negative', 'updateAsset refuses'],
      }),
      t('x', 'passed', {
        project: 'stream',
        file: 'tests/stream/answers.spec.ts',
        line: 13,
        titlePath: ['QGPT', 'question only'],
      }),
    ],
    ['FIXED', 'FIXED', 'FIXED', 'FIXED'],
  ],
  [
    'still failing, skipped now, gone',
    [
      t('lifecycle', 'failed', {
        errors: ['Error: 1 contract failure:\n    ✗ [use_after_delete] deleteAsset: Use after delete. Received: 200'],
      }),
      t('x', 'skipped', {
        file: 'tests/contract/negative.spec.ts',
        line: 87,
        titlePath: ['Negative', 'createAsset refuses'],
        skipReason: 'PIECES_READONLY=1',
      }),
      // same title in another project does not count
      t('x', 'passed', {
        project: 'property',
        file: 'tests/stream/answers.spec.ts',
        line: 13,
        titlePath: ['QGPT', 'question only'],
      }),
    ],
    ['STILL FAILING', 'NOT RUN', 'NOT RUN', 'NOT RUN'],
  ],
];
for (const [name, now, expected] of rows) {
  test(`verdicts: ${name}`, () => {
    const v = replayVerdicts(failedTests(before), now);
    assert.deepEqual(
      v.map((x) => x.verdict),
      expected,
    );
    if (name.startsWith('still')) {
      assert.equal(v[0].detail, '✗ [use_after_delete] deleteAsset: Use after delete. Received: 200');
      assert.equal(v[1].detail, 'skipped: PIECES_READONLY=1');
      assert.match(v[2].detail!, /no test of that name/);
    }
  });
}

test('replay.md: a heading with the count and one row per test, pipes escaped', () => {
  const md = replayMarkdown(replayVerdicts(failedTests(before), [t('lifecycle', 'passed')]), {
    from: 'reports',
    target: 'the embedded emulator',
  });
  assert.match(md, /^# Replay: 1 of 4 fixed$/m);
  assert.match(md, /^\| FIXED \| contract \| Assets › lifecycle \| tests\/contract\/assets\.spec\.ts:17 \| {2}\|$/m);
  assert.equal(md.split('\n').filter((l) => l.startsWith('| NOT RUN')).length, 3);
});
