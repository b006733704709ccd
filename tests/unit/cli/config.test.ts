/** Config precedence (defaults < file < env < flags) and config errors that name the key and the fix. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig, type RunConfig } from '../../../src/cli/config/resolve.js';
import { defaultSettings, envLayer } from '../../../src/settings/index.js';
import type { OptionValue } from '../../../src/cli/options.js';

const DEFAULTS = defaultSettings();
import { HarnessError } from '../../../src/core/errors.js';

/** A fresh directory holding `pieces-conformance.config.json` with `doc` (or nothing). */
function dirWith(doc?: unknown, name = 'pieces-conformance.config.json'): string {
  const dir = mkdtempSync(join(tmpdir(), 'pc-config-'));
  if (doc !== undefined) writeFileSync(join(dir, name), typeof doc === 'string' ? doc : JSON.stringify(doc));
  return dir;
}

function resolveIn(dir: string, env: NodeJS.ProcessEnv = {}, flags: Record<string, OptionValue> = {}) {
  return resolveConfig({ cwd: dir, env, flags });
}

test('no file, no env, no flags: the defaults', () => {
  const { config, file } = resolveIn(dirWith());
  assert.equal(file, undefined);
  assert.deepEqual(config, DEFAULTS);
});

// key: file value, env (variable, value), flag (name, value), and the expected value at each layer
const precedence: Array<{
  key: keyof RunConfig;
  file: unknown;
  env: [string, string];
  flag: [string, OptionValue];
  expect: { file: unknown; env: unknown; flag: unknown };
}> = [
  {
    key: 'target',
    file: 'http://127.0.0.1:1000',
    env: ['PIECES_BASE_URL', 'auto'],
    flag: ['target', 'http://127.0.0.1:39300'],
    expect: { file: 'http://127.0.0.1:1000', env: 'auto', flag: 'http://127.0.0.1:39300' },
  },
  {
    key: 'validation',
    file: 'lenient',
    env: ['PIECES_VALIDATION', 'strict'],
    flag: ['validation', 'lenient'],
    expect: { file: 'lenient', env: 'strict', flag: 'lenient' },
  },
  {
    key: 'suites',
    file: ['contract'],
    env: ['PIECES_SUITES', 'stream,property'],
    flag: ['suite', ['property']],
    expect: { file: ['contract'], env: ['stream', 'property'], flag: ['property'] },
  },
  {
    key: 'timeoutMs',
    file: 1000,
    env: ['PIECES_TIMEOUT_MS', '2000'],
    flag: ['timeout-ms', 3000],
    expect: { file: 1000, env: 2000, flag: 3000 },
  },
  {
    key: 'readonly',
    file: true,
    env: ['PIECES_READONLY', '0'],
    flag: ['readonly', true],
    expect: { file: true, env: false, flag: true },
  },
  {
    key: 'allowDownloads',
    file: false,
    env: ['PIECES_ALLOW_DOWNLOADS', '1'],
    flag: ['allow-downloads', false],
    expect: { file: false, env: true, flag: false },
  },
  {
    key: 'deep',
    file: true,
    env: ['PIECES_DEEP', 'false'],
    flag: ['deep', true],
    expect: { file: true, env: false, flag: true },
  },
  {
    key: 'faults',
    file: ['health-json'],
    env: ['PIECES_EMULATOR_FAULTS', 'gone-as-404,bad-json-500'],
    flag: ['fault', ['update-not-persisted']],
    expect: { file: ['health-json'], env: ['gone-as-404', 'bad-json-500'], flag: ['update-not-persisted'] },
  },
  {
    key: 'shard',
    file: '1/3',
    env: ['PIECES_SHARD', '2/3'],
    flag: ['shard', { index: 3, total: 3 }],
    expect: { file: { index: 1, total: 3 }, env: { index: 2, total: 3 }, flag: { index: 3, total: 3 } },
  },
  { key: 'workers', file: 1, env: ['PIECES_WORKERS', '2'], flag: ['workers', 4], expect: { file: 1, env: 2, flag: 4 } },
  {
    key: 'fcRuns',
    file: 10,
    env: ['PIECES_FC_RUNS', '100'],
    flag: ['fc-runs', 1000],
    expect: { file: 10, env: 100, flag: 1000 },
  },
  {
    key: 'reportsDir',
    file: 'a',
    env: ['PIECES_REPORTS_DIR', 'b'],
    flag: ['reports-dir', 'c'],
    expect: { file: 'a', env: 'b', flag: 'c' },
  },
];

for (const row of precedence) {
  test(`${row.key}: file < env < flags`, () => {
    const dir = dirWith({ [row.key]: row.file });
    const [variable, envValue] = row.env;
    const [flag, flagValue] = row.flag;
    const fileOnly = resolveIn(dir);
    assert.deepEqual((fileOnly.config as any)[row.key], row.expect.file);
    assert.equal(fileOnly.origins[row.key], 'file');
    // faults and a target cannot meet; the env layer of `target` is checked without faults.
    const withEnv = resolveIn(dir, { [variable]: envValue });
    assert.deepEqual((withEnv.config as any)[row.key], row.expect.env);
    assert.equal(withEnv.origins[row.key], 'env');
    const withFlag = resolveIn(dir, { [variable]: envValue }, { [flag]: flagValue });
    assert.deepEqual((withFlag.config as any)[row.key], row.expect.flag);
    assert.equal(withFlag.origins[row.key], 'flag');
  });
}

test('--no-html turns the HTML report off over a file that turns it on', () => {
  const dir = dirWith({ html: true });
  assert.equal(resolveIn(dir, {}, { 'no-html': true }).config.html, false);
});

test('--config names another file; PIECES_CONFIG too; the flag wins', () => {
  const dir = dirWith({ validation: 'lenient' }, 'ci.json');
  writeFileSync(join(dir, 'other.json'), JSON.stringify({ validation: 'strict', deep: true }));
  assert.equal(resolveIn(dir, {}, { config: 'ci.json' }).config.validation, 'lenient');
  assert.equal(resolveIn(dir, { PIECES_CONFIG: 'other.json' }).config.deep, true);
  const both = resolveIn(dir, { PIECES_CONFIG: 'other.json' }, { config: 'ci.json' });
  assert.equal(both.config.validation, 'lenient');
  assert.equal(both.file, 'ci.json');
});

test('empty environment variables count as unset', () => {
  assert.deepEqual(envLayer({ PIECES_BASE_URL: '', PIECES_VALIDATION: ' ', PIECES_READONLY: '' }), {});
});

// a config document → a fragment of the one-line error (it names the key and the fix)
const badFiles: Array<[unknown, RegExp]> = [
  ['{ not json', /pieces-conformance.config.json: not valid JSON .*\(fix the JSON syntax\)/],
  [[1, 2], /the config must be a JSON object/],
  [
    { validaton: 'lenient' },
    /unknown key "validaton" \(did you mean "validation"\? known keys: target, suites, .*validation/,
  ],
  [{ validation: 'loose' }, /"validation" "loose" is invalid \(accepted: one of strict, lenient\)/],
  [{ timeoutMs: '10s' }, /"timeoutMs" "10s" is invalid \(accepted: a whole number, at least 1\)/],
  [{ timeoutMs: 0 }, /"timeoutMs" 0 is invalid/],
  [{ suites: [] }, /"suites" \[\] is invalid \(accepted: a comma-separated list of contract, stream, property\)/],
  [{ suites: ['contract', 'smoke'] }, /"suites" \["contract","smoke"\] is invalid/],
  [{ shard: '1-2' }, /"shard" "1-2" is invalid \(accepted: i\/n with 1 <= i <= n/],
  [{ shard: '3/2' }, /"shard" "3\/2" is invalid/],
  [{ readonly: 'maybe' }, /"readonly" "maybe" is invalid \(accepted: 1\/0, true\/false, on\/off, yes\/no\)/],
  [{ faults: ['Gone As 404'] }, /"faults" \["Gone As 404"\] is invalid/],
  [{ config: 'other.json' }, /unknown key "config"/],
];
for (const [doc, message] of badFiles) {
  test(`config file ${JSON.stringify(doc)} is a config error naming the key and the fix`, () => {
    const dir = dirWith(doc);
    assert.throws(
      () => resolveIn(dir),
      (err: unknown) => {
        assert.ok(err instanceof HarnessError);
        assert.equal(err.code, 'config');
        assert.match(err.toLine(), message);
        return true;
      },
    );
  });
}

test('a missing --config file is an error; a missing default file is not', () => {
  const dir = dirWith();
  assert.throws(() => resolveIn(dir, {}, { config: 'nope.json' }), /nope.json: no such config file/);
  assert.doesNotThrow(() => resolveIn(dir));
});

// environment variable → a fragment of the one-line error
const badEnv: Array<[string, string, RegExp]> = [
  ['PIECES_BASE_URL', 'localhost', /PIECES_BASE_URL="localhost" is invalid \(accepted: an http\(s\) base URL.*or auto/],
  ['PIECES_VALIDATION', 'loose', /PIECES_VALIDATION="loose" is invalid \(accepted: one of strict, lenient\)/],
  ['PIECES_READONLY', 'maybe', /PIECES_READONLY="maybe" is invalid \(accepted: 1\/0, true\/false, on\/off, yes\/no\)/],
  ['PIECES_TIMEOUT_MS', '-5', /PIECES_TIMEOUT_MS="-5" is invalid \(accepted: a whole number, at least 1\)/],
  ['PIECES_SUITES', 'contract,smoke', /PIECES_SUITES="contract,smoke" is invalid/],
  ['PIECES_SHARD', '2/1', /PIECES_SHARD="2\/1" is invalid/],
];
for (const [variable, value, message] of badEnv) {
  test(`${variable}=${value} is a config error`, () => {
    assert.throws(
      () => resolveIn(dirWith(), { [variable]: value }),
      (err: unknown) => err instanceof HarnessError && err.code === 'config' && message.test(err.toLine()),
    );
  });
}

test('faults with a target from the environment: the error names the variable', () => {
  assert.throws(
    () => resolveIn(dirWith(), { PIECES_BASE_URL: 'auto' }, { fault: ['gone-as-404'] }),
    (err: unknown) =>
      err instanceof HarnessError &&
      /a target is set by PIECES_BASE_URL \(drop --fault, or drop the target/.test(err.toLine()),
  );
});

test('unknown PIECES_* variables are warnings naming the nearest known name', () => {
  const warnings: string[] = [];
  resolveConfig({
    cwd: dirWith(),
    env: { PIECES_REDONLY: '1', PIECES_UNRELATED_THING_X: '1' },
    flags: {},
    warn: (w) => warnings.push(w),
  });
  assert.deepEqual(warnings, [
    'pieces-conformance: warning: unknown variable PIECES_REDONLY is ignored (did you mean PIECES_READONLY?)',
    'pieces-conformance: warning: unknown variable PIECES_UNRELATED_THING_X is ignored',
  ]);
});

test('every origin is reported: default, file, env, flag', () => {
  const dir = dirWith({ deep: true });
  const { origins } = resolveIn(dir, { PIECES_READONLY: 'on' }, { validation: 'lenient' });
  assert.equal(origins.timeoutMs, 'default');
  assert.equal(origins.deep, 'file');
  assert.equal(origins.readonly, 'env');
  assert.equal(origins.validation, 'flag');
});
