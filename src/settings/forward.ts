/**
 * Handing settings to the suites: `pieces-conformance run` resolves every layer, then gives
 * Playwright each setting the suites read as its variable (the same parser reads it back there).
 */
import { isDeepStrictEqual } from 'node:util';
import type { Settings } from './catalogue.js';
import { formatSetting } from './parse.js';
import { SETTING_ENTRIES, envName } from './resolve.js';

/** Variables to set (a string) or clear (undefined) in the suites' environment. */
export type EnvVars = Record<string, string | undefined>;

/**
 * One entry per setting: its text when the suites read it and it differs from the default,
 * otherwise undefined (cleared, so a stray variable in the caller's shell cannot contradict the
 * resolved value; the suites then use the same default).
 */
export function settingsToEnv(s: Settings): EnvVars {
  const out: EnvVars = {};
  for (const [key, setting] of SETTING_ENTRIES) {
    const value = s[key];
    const differs = value !== undefined && !isDeepStrictEqual(value, setting.default);
    out[envName(key)] = setting.forward !== 'cli' && differs ? formatSetting(setting, value) : undefined;
    for (const alias of setting.envAliases ?? []) out[alias] = undefined;
  }
  return out;
}
