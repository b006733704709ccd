/**
 * How a RunConfig becomes a Playwright invocation: the arguments of `playwright test` and the
 * PIECES_* variables the suites read (pure, so it is unit-tested row by row).
 */
import type { RunConfig } from '../config/schema.js';
import { SUITES } from '../config/schema.js';
import type { ReportPaths } from '../../report/paths.js';

/** The PIECES_* variables a run sets or clears in the child's environment (undefined: cleared). */
export type SuiteEnv = Record<string, string | undefined>;

/** Arguments after `playwright test`. */
export function playwrightArgs(c: RunConfig, opts: { list?: boolean } = {}): string[] {
  const args: string[] = [];
  // Every suite selected: let the config decide (it may add setup projects); else name them.
  if (!(c.suites.length === SUITES.length && SUITES.every((s) => c.suites.includes(s)))) {
    for (const s of c.suites) args.push(`--project=${s}`);
  }
  if (c.grep) args.push(`--grep=${c.grep}`);
  if (c.grepInvert) args.push(`--grep-invert=${c.grepInvert}`);
  if (c.shard) args.push(`--shard=${c.shard.index}/${c.shard.total}`);
  if (c.workers) args.push(`--workers=${c.workers}`);
  if (opts.list) args.push('--list');
  return args;
}

/**
 * The variables of the run. Every variable the CLI owns is set or explicitly cleared, so a stray
 * PIECES_BASE_URL in the caller's shell cannot contradict the resolved config.
 */
export function suiteEnv(c: RunConfig, p: ReportPaths, resolvedTarget?: string): SuiteEnv {
  const on = (b: boolean) => (b ? '1' : undefined);
  return {
    PIECES_BASE_URL: resolvedTarget ?? c.target,
    PIECES_VALIDATION: c.validation,
    PIECES_ALLOW_DOWNLOADS: on(c.allowDownloads),
    PIECES_READONLY: on(c.readonly),
    PIECES_DEEP: on(c.deep),
    PIECES_EMULATOR_FAULTS: c.faults.length ? c.faults.join(',') : undefined,
    PIECES_TIMEOUT_MS: String(c.timeoutMs),
    PIECES_FC_RUNS: c.fcRuns !== undefined ? String(c.fcRuns) : undefined,
    PIECES_FC_SEED: c.fcSeed !== undefined ? String(c.fcSeed) : undefined,
    PIECES_FC_PATH: c.fcPath,
    PIECES_FC_REPLAY_PATH: c.fcReplayPath,
    PIECES_REPORTS_DIR: p.dir,
    // A shard writes a blob report (input of `pieces-conformance merge`), one directory per shard.
    PLAYWRIGHT_BLOB_OUTPUT_DIR: c.shard ? p.blob : undefined,
    PIECES_SHARD: c.shard ? `${c.shard.index}/${c.shard.total}` : undefined,
    // Read by the CLI only; never forwarded.
    PIECES_SUITES: undefined,
    PIECES_GREP: undefined,
    PIECES_WORKERS: undefined,
    PIECES_CONFIG: undefined,
  };
}

/** The child's environment: the caller's, with the run's variables applied. */
export function childEnv(base: NodeJS.ProcessEnv, vars: SuiteEnv): NodeJS.ProcessEnv {
  const env = { ...base };
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

/** The equivalent shell command line, printed before the run so it can be rerun by hand. */
export function shellLine(args: readonly string[], vars: SuiteEnv): string {
  const q = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  const env = Object.entries(vars)
    .filter(([k, v]) => v !== undefined && k !== 'PIECES_REPORTS_DIR')
    .map(([k, v]) => `${k}=${q(v!)}`);
  return [...env, 'npx', 'playwright', 'test', ...args.map(q)].join(' ');
}
