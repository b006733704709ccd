/** Reading `pieces-conformance.config.json`: parsed, validated with Ajv, errors name key and fix. */
import { Ajv } from 'ajv';
import type { ErrorObject } from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { HarnessError } from '../../core/errors.js';
import { CONFIG_FILE, CONFIG_SCHEMA, FIXES, parseShard } from './schema.js';
import type { RunConfig } from './schema.js';

const validate = new Ajv({ allErrors: true, strict: true }).compile(CONFIG_SCHEMA);

/** The first Ajv error of a config document as one line naming the key, the problem and the fix. */
export function describeConfigError(file: string, errors: readonly ErrorObject[]): HarnessError {
  // Unknown keys first: a typo is the likeliest mistake.
  const e = errors.find((x) => x.keyword === 'additionalProperties') ?? errors[0];
  if (e.keyword === 'additionalProperties') {
    const key = String((e.params as { additionalProperty: string }).additionalProperty);
    return new HarnessError(
      'config',
      `${file}: unknown key "${key}"`,
      `known keys: ${Object.keys(CONFIG_SCHEMA.properties)
        .filter((k) => k !== '$schema')
        .join(', ')}`,
    );
  }
  if (e.instancePath === '') {
    return new HarnessError('config', `${file}: the config must be a JSON object`, 'write {"key": value, ...}');
  }
  const key = e.instancePath.split('/')[1];
  const where = e.instancePath.slice(1).replace(/\//g, '.');
  return new HarnessError('config', `${file}: "${where}" ${e.message ?? 'is invalid'}`, FIXES[key] ?? 'see the README');
}

/**
 * The settings from a config file. `explicit` (from --config) must exist; otherwise
 * `pieces-conformance.config.json` in cwd is read when present.
 */
export function readConfigFile(cwd: string, explicit?: string): { file?: string; values: Partial<RunConfig> } {
  const path = explicit ? resolve(cwd, explicit) : resolve(cwd, CONFIG_FILE);
  const shown = relative(cwd, path) || path;
  if (!existsSync(path)) {
    if (explicit) throw new HarnessError('config', `${shown}: no such config file`, 'check the --config path');
    return { values: {} };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new HarnessError(
      'config',
      `${shown}: not valid JSON (${(err as Error).message.split('\n')[0]})`,
      'fix the JSON syntax',
    );
  }
  if (!validate(doc)) throw describeConfigError(shown, validate.errors ?? []);
  const { $schema: _ignored, shard, ...rest } = doc as Record<string, unknown>;
  const values = { ...rest } as Partial<RunConfig>;
  if (typeof shard === 'string') {
    const parsed = parseShard(shard);
    if (!parsed) throw new HarnessError('config', `${shown}: "shard" ${shard} is out of range`, FIXES.shard);
    values.shard = parsed;
  }
  return { file: shown, values };
}
