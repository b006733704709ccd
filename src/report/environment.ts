/**
 * The environment block of a run: which target (URL, kind, version), which contract version, which
 * validation mode. Written twice for Allure: `environment.properties` in the results directory
 * (Allure's own environment file, shown as the report's Environment) and `environment.json`, which
 * allurerc.mjs turns into report variables (shown in the report header).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the environment block says, as ordered name → value pairs. */
export interface RunEnvironment {
  'Target URL': string;
  'Target kind': string;
  'Target version': string;
  /** The contract that judges, as `--contract` chose it: `upstream 2025-02 (Pieces OS 1.0.0)`. */
  Contract: string;
  'Contract version': string;
  'Contract file': string;
  'Validation mode': string;
  Suites: string;
  [extra: string]: string;
}

/** What the suite's global setup resolved (reports/target.json), when it wrote it. */
export interface ResolvedTarget {
  url: string;
  kind: 'emulator' | 'live';
  version?: string;
}

/** Reads reports/target.json; undefined when the suite did not write it. */
export function readResolvedTarget(file: string): ResolvedTarget | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const t = JSON.parse(readFileSync(file, 'utf8')) as ResolvedTarget;
    return typeof t.url === 'string' ? t : undefined;
  } catch {
    return undefined;
  }
}

// Java properties escaping (the format Allure reads): backslash, newline, and the separators.
function escapeProperty(text: string, key: boolean): string {
  let out = text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  if (key) out = out.replace(/([ =:])/g, '\\$1');
  return out;
}

/** The `environment.properties` text: one `key=value` line per entry. */
export function toProperties(env: Record<string, string>): string {
  return `${Object.entries(env)
    .map(([k, v]) => `${escapeProperty(k, true)}=${escapeProperty(v, false)}`)
    .join('\n')}\n`;
}

/** Writes the block into Allure's results directory and next to the reports. */
export function writeEnvironment(env: RunEnvironment, allureResults: string, jsonFile: string): void {
  mkdirSync(allureResults, { recursive: true });
  writeFileSync(join(allureResults, 'environment.properties'), toProperties(env));
  writeFileSync(jsonFile, `${JSON.stringify(env, null, 2)}\n`);
}
