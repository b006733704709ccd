/** The suite's configuration from PIECES_* variables: defaults, accepted spellings, and errors that name the fix. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readConfig } from '../../../src/target/config.js';
import { exportTarget, importTarget } from '../../../src/target/env.js';
import { HarnessError } from '../../../src/core/errors.js';

test('defaults: embedded emulator, 10 s timeout, strict, writes allowed, no downloads on live targets', () => {
  const { budgets, ...rest } = readConfig({});
  assert.deepEqual(rest, {
    baseUrl: undefined,
    timeoutMs: 10_000,
    emulatorProfile: 'instant',
    validation: 'strict',
    readonly: false,
    allowDownloads: false,
    faults: [],
  });
  assert.equal(budgets.pace, 'instant');
  assert.equal(budgets.downloadMs, 10_000);
});

const good: Array<[Record<string, string>, Partial<ReturnType<typeof readConfig>>]> = [
  [{ PIECES_BASE_URL: 'http://localhost:1000/' }, { baseUrl: 'http://localhost:1000' }],
  [{ PIECES_BASE_URL: 'AUTO' }, { baseUrl: 'auto' }],
  [{ PIECES_BASE_URL: '' }, { baseUrl: undefined }],
  [{ PIECES_TIMEOUT_MS: '2500' }, { timeoutMs: 2500 }],
  [{ PIECES_VALIDATION: 'Lenient' }, { validation: 'lenient' }],
  [
    { PIECES_READONLY: 'true', PIECES_ALLOW_DOWNLOADS: 'yes' },
    { readonly: true, allowDownloads: true },
  ],
  [{ PIECES_READONLY: '0' }, { readonly: false }],
  [
    { PIECES_READONLY: 'on', PIECES_ALLOW_DOWNLOADS: 'OFF' },
    { readonly: true, allowDownloads: false },
  ],
  [{ PIECES_EMULATOR_FAULTS: ' gone-as-404, ,bad-json-500 ' }, { faults: ['gone-as-404', 'bad-json-500'] }],
];
for (const [env, expected] of good) {
  test(`accepts ${JSON.stringify(env)}`, () => {
    const c = readConfig(env);
    for (const [k, v] of Object.entries(expected)) assert.deepEqual((c as any)[k], v, k);
  });
}

const bad: Array<[Record<string, string>, RegExp]> = [
  [
    { PIECES_BASE_URL: 'localhost:1000' },
    /PIECES_BASE_URL="localhost:1000" is invalid \(accepted: an http\(s\) base URL/,
  ],
  [{ PIECES_BASE_URL: 'ftp://h' }, /PIECES_BASE_URL="ftp:\/\/h" is invalid/],
  [{ PIECES_TIMEOUT_MS: '10s' }, /PIECES_TIMEOUT_MS="10s" is invalid \(accepted: a whole number, at least 1\)/],
  [{ PIECES_VALIDATION: 'loose' }, /PIECES_VALIDATION="loose" is invalid \(accepted: one of strict, lenient\)/],
  [
    { PIECES_READONLY: 'maybe' },
    /PIECES_READONLY="maybe" is invalid \(accepted: 1\/0, true\/false, on\/off, yes\/no\)/,
  ],
];
for (const [env, message] of bad) {
  test(`refuses ${JSON.stringify(env)} with a config error naming the fix`, () => {
    assert.throws(
      () => readConfig(env),
      (e: unknown) => e instanceof HarnessError && e.code === 'config' && message.test(e.toLine()),
    );
  });
}

test('a resolved target travels to the workers through the environment', () => {
  const env: NodeJS.ProcessEnv = {};
  exportTarget({ url: 'http://127.0.0.1:5', kind: 'emulator', version: '1.2.3' }, env);
  assert.deepEqual(importTarget(env), { url: 'http://127.0.0.1:5', kind: 'emulator', version: '1.2.3' });
  assert.throws(
    () => importTarget({}),
    (e: unknown) => e instanceof HarnessError && e.code === 'usage',
  );
});
