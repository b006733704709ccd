/** The property settings: replay and depth variables, and config errors that name the fix. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPropertyConfig } from '../../../src/property/config.js';
import { commandsConstraints, maxCommandsFor, replayParameters, runsFor } from '../../../src/property/depth.js';
import { HarnessError } from '../../../src/core/errors.js';

// env → the config read from it
const valid: Array<[string, NodeJS.ProcessEnv, ReturnType<typeof readPropertyConfig>]> = [
  // nothing set: default depth, no replay
  ['empty', {}, { seed: undefined, path: undefined, replayPath: undefined, runs: undefined, deep: false }],
  [
    'blank values count as unset',
    { PIECES_FC_SEED: ' ', PIECES_FC_RUNS: '' },
    { seed: undefined, path: undefined, replayPath: undefined, runs: undefined, deep: false },
  ],
  // replay: seeds as fast-check prints them (negative ones too), paths, command replay paths
  [
    'seed and path',
    { PIECES_FC_SEED: '-1203779261', PIECES_FC_PATH: '4:1:0' },
    { seed: -1203779261, path: '4:1:0', replayPath: undefined, runs: undefined, deep: false },
  ],
  [
    'replay path',
    { PIECES_FC_SEED: '7', PIECES_FC_PATH: '0', PIECES_FC_REPLAY_PATH: 'CDC:F' },
    { seed: 7, path: '0', replayPath: 'CDC:F', runs: undefined, deep: false },
  ],
  // depth: runs, and either spelling of the deep mode
  [
    'runs',
    { PIECES_FC_RUNS: '500' },
    { seed: undefined, path: undefined, replayPath: undefined, runs: 500, deep: false },
  ],
  [
    'deep (property variable)',
    { PIECES_FC_DEEP: '1' },
    { seed: undefined, path: undefined, replayPath: undefined, runs: undefined, deep: true },
  ],
  [
    'deep (CLI variable)',
    { PIECES_DEEP: 'true' },
    { seed: undefined, path: undefined, replayPath: undefined, runs: undefined, deep: true },
  ],
];

for (const [name, env, expected] of valid) {
  test(`readPropertyConfig: ${name}`, () => assert.deepEqual(readPropertyConfig(env), expected));
}

// env → a fragment of the error message (each error also says how to fix it)
const invalid: Array<[NodeJS.ProcessEnv, RegExp]> = [
  [
    { PIECES_FC_SEED: 'abc' },
    /PIECES_FC_SEED="abc" is invalid \(accepted: a whole number from -2147483648 to 4294967295\)/,
  ],
  [{ PIECES_FC_SEED: '1.5' }, /PIECES_FC_SEED="1.5" is invalid/],
  [{ PIECES_FC_SEED: '99999999999' }, /PIECES_FC_SEED="99999999999" is invalid/],
  [
    { PIECES_FC_SEED: '1', PIECES_FC_PATH: '4;1' },
    /PIECES_FC_PATH="4;1" is invalid \(accepted: the counterexample path a failure prints, e.g. 3:1:0\)/,
  ],
  [{ PIECES_FC_PATH: '4:1' }, /PIECES_FC_PATH replays nothing without PIECES_FC_SEED/],
  [{ PIECES_FC_REPLAY_PATH: 'a b' }, /PIECES_FC_REPLAY_PATH="a b" is invalid \(accepted: the replayPath/],
  [{ PIECES_FC_RUNS: '0' }, /PIECES_FC_RUNS="0" is invalid \(accepted: a whole number, at least 1\)/],
  [{ PIECES_FC_RUNS: 'many' }, /PIECES_FC_RUNS="many" is invalid/],
  [{ PIECES_FC_DEEP: 'maybe' }, /PIECES_FC_DEEP="maybe" is invalid \(accepted: 1\/0, true\/false, on\/off, yes\/no\)/],
];

for (const [env, message] of invalid) {
  test(`readPropertyConfig refuses ${JSON.stringify(env)}`, () => {
    assert.throws(
      () => readPropertyConfig(env),
      (err: unknown) => {
        assert.ok(err instanceof HarnessError);
        assert.equal(err.code, 'config');
        assert.match(err.toLine(), message);
        assert.ok(err.hint, 'the error says how to fix it');
        return true;
      },
    );
  });
}

test('runs: PIECES_FC_RUNS wins over the deep mode, which wins over the default', () => {
  const budget = { runs: 20, deepRuns: 300 };
  assert.equal(runsFor(readPropertyConfig({}), budget), 20);
  assert.equal(runsFor(readPropertyConfig({ PIECES_FC_DEEP: '1' }), budget), 300);
  assert.equal(runsFor(readPropertyConfig({ PIECES_FC_DEEP: '1', PIECES_FC_RUNS: '7' }), budget), 7);
  assert.equal(runsFor(readPropertyConfig({ PIECES_DEEP: '1' }), { runs: 20 }), 200, 'deep defaults to 10 × runs');
});

test('replay parameters: seed and path replay the counterexample only (endOnFailure)', () => {
  assert.deepEqual(replayParameters(readPropertyConfig({}), { runs: 5 }), { numRuns: 5 });
  assert.deepEqual(replayParameters(readPropertyConfig({ PIECES_FC_SEED: '42' }), { runs: 5 }), {
    numRuns: 5,
    seed: 42,
  });
  assert.deepEqual(replayParameters(readPropertyConfig({ PIECES_FC_SEED: '42', PIECES_FC_PATH: '3:0' }), { runs: 5 }), {
    numRuns: 5,
    seed: 42,
    path: '3:0',
    endOnFailure: true,
  });
});

test('commands constraints: the command budget, deeper in the deep mode, and the replay path', () => {
  assert.deepEqual(commandsConstraints(readPropertyConfig({}), { maxCommands: 10 }), { maxCommands: 10, size: 'max' });
  assert.equal(maxCommandsFor(readPropertyConfig({ PIECES_FC_DEEP: '1' }), { maxCommands: 10 }), 30);
  assert.equal(
    maxCommandsFor(readPropertyConfig({ PIECES_FC_DEEP: '1' }), { maxCommands: 10, deepMaxCommands: 12 }),
    12,
  );
  assert.deepEqual(
    commandsConstraints(
      readPropertyConfig({ PIECES_FC_SEED: '1', PIECES_FC_PATH: '0', PIECES_FC_REPLAY_PATH: 'BA:C' }),
      { maxCommands: 10 },
    ),
    { maxCommands: 10, size: 'max', replayPath: 'BA:C' },
  );
});
