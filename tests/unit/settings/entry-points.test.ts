/**
 * Every setting through every entry point gives the same value: the environment variable, the
 * `pieces-conformance run` flag, the config file, and the Playwright side (readSettings, which
 * playwright.config.ts, global setup and the fixtures read). E.g. PIECES_READONLY=on ≡ --readonly ≡
 * {"readonly": true} ≡ readConfig().readonly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../../src/cli/config/resolve.js';
import { parseArgs, settingOptions } from '../../../src/cli/options.js';
import run from '../../../src/cli/commands/run.js';
import { readPropertyConfig } from '../../../src/property/config.js';
import { readConfig } from '../../../src/target/config.js';
import {
  SETTING_ENTRIES,
  envName,
  flagName,
  readSetting,
  readSettings,
  type Setting,
  type SettingKey,
} from '../../../src/settings/index.js';

/** A value other than the default, as text (env, flag) and as JSON (config file), and what it parses to. */
function sample(key: SettingKey, s: Setting): { text: string; json: unknown; value: unknown } {
  const special: Partial<Record<SettingKey, { text: string; json: unknown; value: unknown }>> = {
    target: { text: 'http://127.0.0.1:39300/', json: 'http://127.0.0.1:39300', value: 'http://127.0.0.1:39300' },
    shard: { text: '2/3', json: '2/3', value: { index: 2, total: 3 } },
    fcPath: { text: '3:1:0', json: '3:1:0', value: '3:1:0' },
    fcReplayPath: { text: 'AAB:C', json: 'AAB:C', value: 'AAB:C' },
    config: { text: 'ci.json', json: 'ci.json', value: 'ci.json' },
  };
  if (special[key]) return special[key];
  const k = s.kind;
  switch (k.type) {
    case 'boolean':
      return s.default ? { text: 'Off', json: false, value: false } : { text: 'on', json: true, value: true };
    case 'int':
      return { text: '7', json: 7, value: 7 };
    case 'enum': {
      const other = k.choices.find((c) => c !== s.default)!;
      return { text: other.toUpperCase(), json: other, value: other };
    }
    case 'list': {
      const item = k.choices ? k.choices[0] : 'some-name';
      return { text: ` ${item} ,`, json: [item], value: [item] };
    }
    default:
      return { text: 'some/thing', json: 'some/thing', value: 'some/thing' };
  }
}

/** Settings a setting needs beside it (a path replays nothing without its seed). */
const companions: Partial<Record<SettingKey, [SettingKey, string, unknown]>> = { fcPath: ['fcSeed', '5', 5] };

/** A fresh working directory; it holds ci.json (the sample of the config setting: a file that must exist). */
function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pc-settings-'));
  writeFileSync(join(dir, 'ci.json'), '{}');
  return dir;
}

const ALL_FLAGS = settingOptions(...SETTING_ENTRIES.filter(([k]) => flagName(k)).map(([k]) => k));

for (const [key, setting] of SETTING_ENTRIES) {
  const { text, json, value } = sample(key, setting);
  const companion = companions[key];
  const env = { [envName(key)]: text, ...(companion ? { [envName(companion[0])]: companion[1] } : {}) };

  test(`${key}: ${envName(key)}=${JSON.stringify(text)} → ${JSON.stringify(value)} on every side`, () => {
    // The Playwright side (playwright.config.ts, global setup, the fixtures).
    assert.deepEqual(readSettings(env)[key], value, 'readSettings');
    assert.deepEqual(readSetting(key, env), value, 'readSetting');
    // The CLI: environment, then the config file.
    const dir = workdir();
    const viaEnv = resolveConfig({ cwd: dir, env, flags: {} });
    assert.deepEqual(viaEnv.config[key], value, 'CLI env');
    assert.equal(viaEnv.origins[key], 'env');
    if (setting.file !== false) {
      const doc = { [key]: json, ...(companion ? { [companion[0]]: companion[2] } : {}) };
      writeFileSync(join(dir, 'pieces-conformance.config.json'), JSON.stringify(doc));
      const viaFile = resolveConfig({ cwd: dir, env: {}, flags: {} });
      assert.deepEqual(viaFile.config[key], value, 'config file');
      assert.equal(viaFile.origins[key], 'file');
    }
    // The flag, through the option parser.
    const flag = flagName(key);
    if (flag) {
      const argv =
        setting.kind.type === 'boolean' ? (value === !setting.negatedFlag ? [`--${flag}`] : []) : [`--${flag}`, text];
      if (argv.length) {
        const extra = companion ? [`--${flagName(companion[0])}`, companion[1]] : [];
        const parsed = parseArgs('run', [...argv, ...extra], ALL_FLAGS);
        const viaFlag = resolveConfig({ cwd: workdir(), env: {}, flags: parsed.values });
        assert.deepEqual(viaFlag.config[key], value, 'flag');
        assert.equal(viaFlag.origins[key], 'flag');
      }
    }
  });
}

test('PIECES_READONLY=on ≡ --readonly ≡ {"readonly": true} ≡ the fixtures\' suiteConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pc-settings-'));
  writeFileSync(join(dir, 'pieces-conformance.config.json'), JSON.stringify({ readonly: true }));
  const fromFile = resolveConfig({ cwd: dir, env: {}, flags: {} }).config.readonly;
  const fromFlag = resolveConfig({ cwd: dir, env: {}, flags: parseArgs('run', ['--readonly'], run.options).values })
    .config.readonly;
  const fromEnv = resolveConfig({ cwd: mkdtempSync(join(tmpdir(), 'pc-')), env: { PIECES_READONLY: 'on' }, flags: {} })
    .config.readonly;
  assert.deepEqual(
    [fromFile, fromFlag, fromEnv, readConfig({ PIECES_READONLY: 'on' }).readonly],
    [true, true, true, true],
  );
});

test('the property suite reads the same values (PIECES_FC_DEEP is an older name of PIECES_DEEP)', () => {
  assert.deepEqual(
    readPropertyConfig({ PIECES_DEEP: 'yes', PIECES_FC_RUNS: '9', PIECES_FC_SEED: '-3', PIECES_FC_PATH: '1:2' }),
    {
      seed: -3,
      path: '1:2',
      replayPath: undefined,
      runs: 9,
      deep: true,
    },
  );
  assert.equal(readPropertyConfig({ PIECES_FC_DEEP: 'TRUE' }).deep, true);
});

test('every flag of run that sets a setting is derived from its declaration', () => {
  const declared = new Set(ALL_FLAGS.map((o) => o.name));
  for (const o of run.options) if (o.setting) assert.ok(declared.has(o.name), o.name);
});
