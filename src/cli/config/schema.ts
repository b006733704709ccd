/**
 * The settings of a conformance run: one typed config with defaults, the JSON Schema of
 * `pieces-conformance.config.json`, and for every key how to fix a bad value.
 */

/** The suites (Playwright projects) a run can select. */
export const SUITES = ['contract', 'stream', 'property'] as const;
export type Suite = (typeof SUITES)[number];

/** Validation modes of the harness (see README "Validation"). */
export const VALIDATION_MODES = ['strict', 'lenient'] as const;
export type ValidationMode = (typeof VALIDATION_MODES)[number];

/** A Playwright shard: run part `index` of `total`. */
export interface Shard {
  index: number;
  total: number;
}

/** Everything a `run` needs, after defaults, the config file, the environment and the flags. */
export interface RunConfig {
  /** A Pieces OS base URL, `auto` (discover), or undefined: the embedded emulator. */
  target?: string;
  suites: Suite[];
  /** Only tests whose title matches this regular expression (Playwright --grep). */
  grep?: string;
  /** Leave out tests whose title matches this regular expression (Playwright --grep-invert). */
  grepInvert?: string;
  shard?: Shard;
  validation: ValidationMode;
  allowDownloads: boolean;
  readonly: boolean;
  deep: boolean;
  /** Emulator fault switches (embedded emulator only). */
  faults: string[];
  /** Per-request timeout in milliseconds. */
  timeoutMs: number;
  /** Where reports go, relative to the caller's directory. */
  reportsDir: string;
  /** Playwright workers; undefined keeps the suite's own setting. */
  workers?: number;
  /** Property suite: runs per property, seed and path to replay. */
  fcRuns?: number;
  fcSeed?: number;
  fcPath?: string;
  /** Property suite: the replayPath of a failed command sequence (stateful properties). */
  fcReplayPath?: string;
  /** Generate the Allure HTML report (results, JUnit and the summary are always written). */
  html: boolean;
}

/** The defaults every run starts from. */
export const DEFAULTS: RunConfig = {
  suites: [...SUITES],
  validation: 'strict',
  allowDownloads: false,
  readonly: false,
  deep: false,
  faults: [],
  timeoutMs: 10_000,
  reportsDir: 'reports',
  html: true,
};

/** The config file's name, looked up in the working directory when --config is not given. */
export const CONFIG_FILE = 'pieces-conformance.config.json';

const SHARD_PATTERN = '^[1-9][0-9]*/[1-9][0-9]*$';

/** The JSON Schema of the config file (draft-07, validated with Ajv at load). */
export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    target: { type: 'string', minLength: 1 },
    suites: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...SUITES] } },
    grep: { type: 'string', minLength: 1 },
    grepInvert: { type: 'string', minLength: 1 },
    shard: { type: 'string', pattern: SHARD_PATTERN },
    validation: { enum: [...VALIDATION_MODES] },
    allowDownloads: { type: 'boolean' },
    readonly: { type: 'boolean' },
    deep: { type: 'boolean' },
    faults: { type: 'array', uniqueItems: true, items: { type: 'string', pattern: '^[a-z0-9-]+$' } },
    timeoutMs: { type: 'integer', minimum: 1 },
    reportsDir: { type: 'string', minLength: 1 },
    workers: { type: 'integer', minimum: 1 },
    fcRuns: { type: 'integer', minimum: 1 },
    fcSeed: { type: 'integer' },
    fcPath: { type: 'string', minLength: 1 },
    fcReplayPath: { type: 'string', minLength: 1 },
    html: { type: 'boolean' },
  },
} as const;

/** How to fix each key when its value is wrong (the error line ends with this). */
export const FIXES: Record<string, string> = {
  target:
    'use a base URL such as "http://127.0.0.1:39300", or "auto" to discover a running Pieces OS; leave it out for the embedded emulator',
  suites: `use a non-empty list of ${SUITES.join(', ')}`,
  grep: 'use a non-empty regular expression',
  grepInvert: 'use a non-empty regular expression',
  shard: 'use "i/n" with 1 <= i <= n, e.g. "1/2"',
  validation: `use one of ${VALIDATION_MODES.join(', ')}`,
  allowDownloads: 'use true or false',
  readonly: 'use true or false',
  deep: 'use true or false',
  faults: 'use a list of fault names (pieces-conformance emulator --list-faults)',
  timeoutMs: 'use a whole number of milliseconds, at least 1',
  reportsDir: 'use a directory path',
  workers: 'use a whole number, at least 1',
  fcRuns: 'use a whole number, at least 1',
  fcSeed: 'use a whole number',
  fcPath: 'use the path printed by a failing property run, e.g. "3:1:0"',
  fcReplayPath: 'use the replayPath printed by a failing stateful property',
  html: 'use true or false',
};

/** Parses `i/n` into a shard, or undefined when it is not one. */
export function parseShard(text: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const total = Number(m[2]);
  return index >= 1 && total >= 1 && index <= total ? { index, total } : undefined;
}

/** True when text is `auto` or an http(s) URL. */
export function isTarget(text: string): boolean {
  if (text === 'auto') return true;
  try {
    const u = new URL(text);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}
