/**
 * Failure reports of properties: seed, path, replay path, shrunk counterexample, contract failures
 * and cURL, in the message and in the report handed to the test; and replaying with the printed
 * seed and path (and a command sequence's replay path) reproduces the counterexample.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ContractFailure } from '../../../src/core/errors.js';
import type { Exchange } from '../../../src/core/types.js';
import {
  CaseFailure,
  clip,
  failingExchanges,
  PropertyFailedError,
  readPropertyConfig,
  replayLine,
  replayParameters,
  replayPathOf,
  reportingPlugin,
  type PropertyReport,
} from '../../../src/property/index.js';

/** One recorded exchange: a POST with a JSON body and its answer. */
function exchange(id: string, status: number): Exchange {
  return {
    id,
    operationId: 'createAsset',
    intent: 'positive',
    startedAt: 0,
    durationMs: 1,
    request: {
      method: 'POST',
      url: 'http://127.0.0.1:1000/assets/create',
      headers: { 'content-type': 'application/json' },
      body: '{"asset":{}}',
    },
    response: { status, headers: {}, body: '' },
  };
}

const roundTrip = (exchangeId?: string) =>
  new ContractFailure(
    'content_round_trip',
    'Content not preserved',
    'getAsset',
    'raw of a1: sent 3 chars / received 2 chars',
    'high',
    exchangeId,
  );

/** Runs a property with the reporting plugin; answers the thrown error and the report seen by onFailure. */
function failWith<T>(prop: fc.IProperty<[T]>, params: fc.Parameters<[T]> = {}) {
  let seen: PropertyReport | undefined;
  let thrown: unknown;
  try {
    fc.assert(prop, {
      ...params,
      plugins: [
        reportingPlugin({
          title: 'arrays (stay short)',
          onFailure: (r) => {
            seen = r;
          },
        }),
      ],
    });
  } catch (err) {
    thrown = err;
  }
  return { thrown, seen };
}

test('a failed property throws one message with seed, path, replay line and the shrunk counterexample', () => {
  const { thrown, seen } = failWith(
    fc.property(fc.array(fc.nat()), (a) => a.length < 3),
    { seed: 42 },
  );
  assert.ok(thrown instanceof PropertyFailedError);
  assert.ok(seen, 'onFailure received the report');
  assert.equal(seen.seed, 42);
  assert.match(seen.path ?? '', /^\d+(:\d+)*$/);
  assert.equal(seen.counterexample, '[[0,0,0]]', 'shrunk to the smallest failing array');
  assert.match(thrown.message, /^Property "arrays \(stay short\)" failed after \d+ runs? and \d+ shrinks?/);
  assert.ok(
    thrown.message.includes(
      `replay with PIECES_FC_SEED=42 PIECES_FC_PATH=${seen.path} npx playwright test --project=property -g 'arrays \\(stay short\\)'`,
    ),
    thrown.message,
  );
  assert.match(thrown.message, /Counterexample: \[\[0,0,0\]\]/);
});

test('the printed seed and path replay the counterexample at once (no search, no shrinking)', () => {
  const prop = fc.property(fc.array(fc.nat()), (a) => a.length < 3);
  const first = failWith(prop, { seed: -99 }).seen!;
  const config = readPropertyConfig({ PIECES_FC_SEED: String(first.seed), PIECES_FC_PATH: first.path });
  let calls = 0;
  const counted = fc.property(fc.array(fc.nat()), (a) => {
    calls++;
    return a.length < 3;
  });
  const replay = failWith(counted, replayParameters(config, { runs: 100 })).seen!;
  assert.equal(replay.counterexample, first.counterexample);
  assert.equal(calls, 1, 'only the counterexample ran');
});

test('a passing property is left alone', () => {
  assert.doesNotThrow(() =>
    fc.assert(
      fc.property(fc.nat(), (n) => n >= 0),
      { plugins: [reportingPlugin({ title: 'nat' })] },
    ),
  );
});

test('an async case failure carries its contract failures and the cURL of the failing exchange', async () => {
  let seen: PropertyReport | undefined;
  const prop = fc.asyncProperty(fc.string(), async (s) => {
    if (s.length > 1)
      throw new CaseFailure([roundTrip('e2')], [exchange('e1', 200), exchange('e2', 200)], 'getAsset #0');
  });
  const err = await fc
    .assert(prop, {
      seed: 1,
      plugins: [
        reportingPlugin({
          title: 'round trip',
          onFailure: async (r) => {
            seen = r;
          },
        }),
      ],
    })
    .then(
      () => undefined,
      (e) => e,
    );
  assert.ok(err instanceof PropertyFailedError);
  assert.ok(err.cause instanceof CaseFailure, 'the cause is the failing case');
  assert.equal(seen!.failures.length, 1);
  assert.equal(seen!.curls.length, 1, 'only the exchange the failure names');
  assert.match(seen!.curls[0], /^curl .*\/assets\/create/);
  assert.match(err.message, /Failures:\n✗ \[content_round_trip\] getAsset: Content not preserved\. raw of a1/);
  assert.match(err.message, /Failing exchange:\ncurl /);
});

test('a failing exchange: the ones the failures name, else every exchange of the case', () => {
  const all = [exchange('a', 200), exchange('b', 500)];
  assert.deepEqual(
    failingExchanges([roundTrip('b')], all).map((e) => e.id),
    ['b'],
  );
  assert.deepEqual(
    failingExchanges([roundTrip()], all).map((e) => e.id),
    ['a', 'b'],
  );
});

/** A counter system and model: `Inc` adds, `Check` fails once the counter reaches 3. */
type Counter = { n: number };
class Inc implements fc.Command<Counter, Counter> {
  check = () => true;
  run(m: Counter, r: Counter) {
    m.n++;
    r.n++;
  }
  toString = () => 'inc';
}
class Check implements fc.Command<Counter, Counter> {
  check = () => true;
  run(_m: Counter, r: Counter) {
    if (r.n >= 3) throw new Error(`counter at ${r.n}`);
  }
  toString = () => 'check';
}

test('a failed command sequence reports its replay path, and seed + path + replay path replay it', () => {
  const commandsProp = (replayPath?: string) =>
    fc.property(
      fc.commands([fc.constant(new Inc()), fc.constant(new Check())], {
        maxCommands: 30,
        ...(replayPath ? { replayPath } : {}),
      }),
      (cmds) => {
        fc.modelRun(() => ({ model: { n: 0 }, real: { n: 0 } }), cmds);
      },
    );
  const first = failWith(commandsProp(), { seed: 5 });
  const report = first.seen!;
  assert.ok(report.replayPath, 'the replay path is reported');
  assert.equal(report.replayPath, replayPathOf(report.counterexample));
  assert.match(report.counterexample!, /^\[inc,inc,inc,check \/\*replayPath=/);
  assert.ok((first.thrown as Error).message.includes(`PIECES_FC_REPLAY_PATH=${report.replayPath}`));
  const config = readPropertyConfig({
    PIECES_FC_SEED: String(report.seed),
    PIECES_FC_PATH: report.path,
    PIECES_FC_REPLAY_PATH: report.replayPath,
  });
  const replay = failWith(commandsProp(config.replayPath), replayParameters(config, { runs: 100 })).seen!;
  assert.equal(replay.counterexample?.split(' /*')[0], report.counterexample?.split(' /*')[0]);
});

// replay lines: titles are grep patterns (regex characters escaped) and shell words (quoted)
const lines: Array<[Parameters<typeof replayLine>[0], string]> = [
  [{ title: 'plain', seed: 1 }, 'PIECES_FC_SEED=1 npx playwright test --project=property -g plain'],
  [
    { title: 'create(any seed) → get', seed: -3, path: '0:1' },
    "PIECES_FC_SEED=-3 PIECES_FC_PATH=0:1 npx playwright test --project=property -g 'create\\(any seed\\) → get'",
  ],
  [
    { title: "it's [x]", seed: 2, path: '0', replayPath: 'AB:C' },
    "PIECES_FC_SEED=2 PIECES_FC_PATH=0 PIECES_FC_REPLAY_PATH=AB:C npx playwright test --project=property -g 'it'\\''s \\[x\\]'",
  ],
];
for (const [input, expected] of lines) {
  test(`replayLine: ${input.title}`, () => assert.equal(replayLine(input), expected));
}

test('clip keeps short texts and says how much a long one lost', () => {
  assert.equal(clip('abc', 5), 'abc');
  assert.equal(clip('abcdefgh', 3), 'abc… (5 more characters in the attachment)');
});
