/** Config precedence (defaults < file < env < flags) and config errors that name the key and the fix. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../../src/cli/config/resolve.js';
import { readEnv } from '../../../src/cli/config/env.js';
import { DEFAULTS } from '../../../src/cli/config/schema.js';
import type { OptionValue } from '../../../src/cli/options.js';
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
  key: keyof typeof DEFAULTS | 'target' | 'workers' | 'fcRuns' | 'shard';
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
    flag: ['shard', '3/3'],
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
    assert.equal(fileOnly.origins[row.key as keyof typeof DEFAULTS], 'file');
    // faults and a target cannot meet; the env layer of `target` is checked without faults.
    const withEnv = resolveIn(dir, { [variable]: envValue });
    assert.deepEqual((withEnv.config as any)[row.key], row.expect.env);
    assert.equal(withEnv.origins[row.key as keyof typeof DEFAULTS], 'env');
    const withFlag = resolveIn(dir, { [variable]: envValue }, { [flag]: flagValue });
    assert.deepEqual((withFlag.config as any)[row.key], row.expect.flag);
    assert.equal(withFlag.origins[row.key as keyof typeof DEFAULTS], 'flag');
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
  assert.deepEqual(readEnv({ PIECES_BASE_URL: '', PIECES_VALIDATION: ' ', PIECES_READONLY: '' }), {});
});

// a config document → a fragment of the one-line error (it names the key and the fix)
const badFiles: Array<[unknown, RegExp]> = [
  ['{ not json', /pieces-conformance.config.json: not valid JSON .*\(fix the JSON syntax\)/],
  [[1, 2], /the config must be a JSON object/],
  [{ validaton: 'lenient' }, /unknown key "validaton" \(known keys: target, suites, .*validation/],
  [{ validation: 'loose' }, /"validation" must be equal to one of the allowed values \(use one of strict, lenient\)/],
  [{ timeoutMs: '10s' }, /"timeoutMs" must be integer \(use a whole number of milliseconds, at least 1\)/],
  [{ timeoutMs: 0 }, /"timeoutMs" must be >= 1/],
  [{ suites: [] }, /"suites" must NOT have fewer than 1 items \(use a non-empty list of contract, stream, property\)/],
  [{ suites: ['contract', 'smoke'] }, /"suites.1" must be equal to one of the allowed values/],
  [{ shard: '1-2' }, /"shard" must match pattern .*\(use "i\/n" with 1 <= i <= n/],
  [{ shard: '3/2' }, /"shard" 3\/2 is out of range/],
  [{ readonly: 'yes' }, /"readonly" must be boolean \(use true or false\)/],
  [{ faults: ['Gone As 404'] }, /"faults.0" must match pattern/],
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
  ['PIECES_BASE_URL', 'localhost', /PIECES_BASE_URL="localhost" is invalid.*"auto"/],
  ['PIECES_VALIDATION', 'loose', /PIECES_VALIDATION="loose" is invalid \(use one of strict, lenient\)/],
  ['PIECES_READONLY', 'maybe', /PIECES_READONLY="maybe" is not a switch \(use 1 or 0\)/],
  ['PIECES_TIMEOUT_MS', '-5', /PIECES_TIMEOUT_MS="-5" is invalid/],
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
