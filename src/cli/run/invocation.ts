/**
 * How a RunConfig becomes a Playwright invocation: the arguments of `playwright test` and the
 * PIECES_* variables the suites read (pure, so it is unit-tested row by row).
 */
import type { ReportPaths } from '../../report/paths.js';
import { SUITES, knownVariables, settingsToEnv, type EnvVars } from '../../settings/index.js';
import type { RunConfig } from '../config/resolve.js';

/** The PIECES_* variables a run sets or clears in the child's environment (undefined: cleared). */
export type SuiteEnv = EnvVars;

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
 * The variables of the run: every setting the suites read, from its declaration (src/settings), set
 * when it differs from the default and cleared otherwise, so a stray PIECES_BASE_URL in the caller's
 * shell cannot contradict the resolved config. The target is the resolved one; the reports
 * directory is absolute.
 */
export function suiteEnv(c: RunConfig, p: ReportPaths, resolvedTarget?: string): SuiteEnv {
  return {
    ...settingsToEnv(c),
    PIECES_BASE_URL: resolvedTarget ?? c.target,
    PIECES_REPORTS_DIR: p.dir,
    // A shard writes a blob report (input of `pieces-conformance merge`), one directory per shard.
    PLAYWRIGHT_BLOB_OUTPUT_DIR: c.shard ? p.blob : undefined,
  };
}

/**
 * The child's environment: the caller's, with the run's variables applied. Unknown PIECES_*
 * variables are left out (the CLI has warned about them; the suites would warn again).
 */
export function childEnv(base: NodeJS.ProcessEnv, vars: SuiteEnv): NodeJS.ProcessEnv {
  const known = new Set(knownVariables());
  const env = Object.fromEntries(Object.entries(base).filter(([k]) => !k.startsWith('PIECES_') || known.has(k)));
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
