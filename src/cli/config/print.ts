/** `--print-config`: every setting, its value and where it came from (default, file, env, flag). */
import { SETTING_ENTRIES, envName, flagName } from '../../settings/index.js';
import type { ResolvedConfig } from './resolve.js';

/** The lines `--print-config` prints. */
export function printConfigLines(r: ResolvedConfig): string[] {
  const rows = SETTING_ENTRIES.map(([key]) => {
    const value = r.config[key];
    const source = r.origins[key];
    const names = [envName(key), flagName(key) ? `--${flagName(key)}` : undefined].filter(Boolean).join(', ');
    return [key, value === undefined ? '(unset)' : JSON.stringify(value), source, names] as const;
  });
  const w = Math.max(...rows.map(([k]) => k.length));
  const v = Math.max(...rows.map(([, x]) => x.length));
  return [
    `config file: ${r.file ?? 'none'}`,
    ...rows.map(([k, value, source, names]) => `${k.padEnd(w)} = ${value.padEnd(v)}  (${source}; ${names})`),
  ];
}
