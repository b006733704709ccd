/**
 * `pieces-conformance run`: checks the contract and the target, runs the suites through Playwright
 * (its list output streamed as progress), then writes the reports and exits 0, 1 or 2.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from '../command.js';
import { SUITES, VALIDATION_MODES } from '../config/schema.js';
import { resolveConfig } from '../config/resolve.js';
import { EXIT } from '../exit.js';
import { playwrightCli, repoRoot } from '../paths.js';
import { childEnv, playwrightArgs, shellLine, suiteEnv } from '../run/invocation.js';
import { preflight } from '../run/preflight.js';
import { finishReports } from '../run/reports.js';
import { runNode } from '../spawn.js';
import { clearRunOutputs, reportPaths } from '../../report/paths.js';
import { readResolvedTarget } from '../../report/environment.js';
import type { RunEnvironment } from '../../report/environment.js';
import type { RunConfig } from '../config/schema.js';
import type { Preflight } from '../run/preflight.js';

/** The resolved settings of the last run, saved beside its reports for `replay`. */
export const RUN_CONFIG_FILE = 'run-config.json';

/** The environment block of a run (target, versions, validation). */
export function runEnvironment(c: RunConfig, pre: Preflight, resolved?: { url: string; kind: string; version?: string }): RunEnvironment {
  const embedded = !c.target;
  const url = pre.target?.url ?? resolved?.url ?? (embedded ? 'embedded emulator' : c.target!);
  return {
    'Target URL': url,
    'Target kind': embedded ? 'embedded emulator' : c.target === 'auto' ? 'live (discovered)' : 'live',
    'Target version': pre.target?.version ?? resolved?.version ?? 'unknown',
    'Contract version': pre.contractVersion,
    'Contract file': pre.contractFile,
    'Validation mode': c.validation,
    Suites: c.suites.join(', '),
    ...(c.faults.length ? { 'Fault switches': c.faults.join(', ') } : {}),
    ...(c.shard ? { Shard: `${c.shard.index}/${c.shard.total}` } : {}),
    ...(c.grep ? { Grep: c.grep } : {}),
    ...(c.readonly ? { 'Read-only': 'yes' } : {}),
    ...(c.allowDownloads ? { 'Model downloads': 'allowed' } : {}),
    ...(c.deep ? { Depth: 'deep' } : {}),
  };
}

export default {
  name: 'run',
  summary: 'Run the conformance suites against a target and write the reports',
  details: [
    'Without --target the suites start the embedded emulator (in memory, a free port). Settings come',
    'from pieces-conformance.config.json, then PIECES_* environment variables, then these flags (flags win).',
    'Reports (regenerated each run): reports/summary.md, reports/junit.xml, reports/results.json,',
    'reports/allure-report/index.html (offline, single file), reports/coverage.md and coverage.json.',
  ].join('\n'),
  options: [
    { name: 'target', type: 'string', placeholder: 'URL|auto', description: 'The Pieces OS to judge: a base URL, or auto to discover one on 39300-39333, 1000, 5323 (env PIECES_BASE_URL)', defaultText: 'the embedded emulator' },
    { name: 'suite', type: 'list', choices: SUITES, repeatable: true, placeholder: SUITES.join(','), description: 'Suites to run (env PIECES_SUITES)', defaultText: 'all' },
    { name: 'grep', type: 'string', placeholder: 'REGEX', description: 'Only tests whose title matches (Playwright --grep; env PIECES_GREP)' },
    { name: 'grep-invert', type: 'string', placeholder: 'REGEX', description: 'Leave out tests whose title matches' },
    { name: 'shard', type: 'string', placeholder: 'i/n', description: 'Run shard i of n (Playwright sharding); writes a blob report for `pieces-conformance merge` (env PIECES_SHARD)' },
    { name: 'validation', type: 'enum', choices: VALIDATION_MODES, description: 'strict, or lenient for targets newer than the contract: extra fields and unknown enum values are warnings (env PIECES_VALIDATION)', defaultText: 'strict' },
    { name: 'allow-downloads', type: 'boolean', description: 'Let the suites download models on the target (env PIECES_ALLOW_DOWNLOADS=1); otherwise those steps are skipped' },
    { name: 'readonly', type: 'boolean', description: 'Only reads: nothing is created, changed or deleted on the target (env PIECES_READONLY=1)' },
    { name: 'deep', type: 'boolean', description: 'Nightly depth: many more property-test runs (env PIECES_DEEP=1)' },
    { name: 'fault', type: 'list', repeatable: true, placeholder: 'NAME', description: 'Turn on an emulator fault switch (embedded emulator only; list: pieces-conformance emulator --list-faults; env PIECES_EMULATOR_FAULTS)' },
    { name: 'timeout-ms', type: 'int', min: 1, placeholder: 'N', description: 'Per-request timeout in milliseconds (env PIECES_TIMEOUT_MS)', defaultText: '10000' },
    { name: 'workers', type: 'int', min: 1, placeholder: 'N', description: 'Playwright workers (env PIECES_WORKERS)', defaultText: "the suite's setting" },
    { name: 'fc-runs', type: 'int', min: 1, placeholder: 'N', description: 'Property suite: runs per property (env PIECES_FC_RUNS)' },
    { name: 'fc-seed', type: 'int', placeholder: 'N', description: 'Property suite: seed to replay (env PIECES_FC_SEED)' },
    { name: 'fc-path', type: 'string', placeholder: 'PATH', description: 'Property suite: counterexample path to replay, with --fc-seed (env PIECES_FC_PATH)' },
    { name: 'fc-replay-path', type: 'string', placeholder: 'PATH', description: 'Property suite: replayPath of a failed stateful command sequence (env PIECES_FC_REPLAY_PATH)' },
    { name: 'reports-dir', type: 'string', placeholder: 'DIR', description: 'Where the reports go (env PIECES_REPORTS_DIR)', defaultText: 'reports' },
    { name: 'no-html', type: 'boolean', description: 'Skip the Allure HTML report (results, JUnit and the summary are still written)' },
    { name: 'list', type: 'boolean', description: 'List the tests that would run (after --suite, --grep and --shard) and exit' },
    { name: 'config', type: 'string', placeholder: 'FILE', description: 'Config file (env PIECES_CONFIG)', defaultText: 'pieces-conformance.config.json if present' },
    { name: 'print-config', type: 'boolean', description: 'Print the resolved settings and where each came from, and exit' },
  ],
  examples: [
    ['', 'the embedded emulator, every suite'],
    ['--target http://127.0.0.1:39300 --validation lenient', 'a running Pieces OS, tolerant of additive changes'],
    ['--target auto --readonly', 'discover Pieces OS on this machine; change nothing on it'],
    ['--fault delete-does-not-delete --grep "asset lifecycle"', 'prove a check catches a planted bug'],
    ['--shard 1/2 --reports-dir reports/shard-1', 'one half of a distributed run (see merge)'],
  ],
  async run(args, io) {
    const startedAt = Date.now();
    const root = repoRoot();
    const { config: c, origins, file } = resolveConfig({ cwd: io.cwd, env: io.env, flags: args.values });
    if (args.positionals.length) {
      const { HarnessError } = await import('../../core/errors.js');
      throw new HarnessError('usage', `run takes no positional arguments, got "${args.positionals[0]}"`, 'did you mean --grep?');
    }
    if (args.values['print-config']) {
      io.out(`config file: ${file ?? 'none'}`);
      for (const [k, v] of Object.entries(c)) io.out(`${k} = ${JSON.stringify(v)}  (${origins[k as keyof RunConfig] ?? 'default'})`);
      return EXIT.ok;
    }
    const paths = reportPaths(c.reportsDir, io.cwd);
    const list = args.values.list === true;
    const pre = await preflight(c, root, io.env);
    const vars = suiteEnv(c, paths, pre.target?.url);
    const pwArgs = playwrightArgs(c, { list });
    const env = childEnv(io.env, vars);
    if (list) {
      const r = await runNode(playwrightCli(root), ['test', ...pwArgs, '--reporter=list'], { cwd: root, env });
      return r.code === 0 ? EXIT.ok : EXIT.harness;
    }

    clearRunOutputs(paths);
    writeFileSync(join(paths.dir, RUN_CONFIG_FILE), `${JSON.stringify(c, null, 2)}\n`);
    const where = pre.target ? `${pre.target.url}${pre.target.version ? ` (Pieces OS ${pre.target.version})` : ''}` : 'the embedded emulator';
    io.out(`pieces-conformance: judging ${where} against contract ${pre.contractVersion} (${c.validation}), suites ${c.suites.join(', ')}${c.faults.length ? `, faults ${c.faults.join(', ')}` : ''}`);
    io.out(`  ${shellLine(pwArgs, vars)}`);
    const run = await runNode(playwrightCli(root), ['test', ...pwArgs], { cwd: root, env });
    const resolved = readResolvedTarget(paths.target);
    const done = await finishReports({
      paths, environment: runEnvironment(c, pre, resolved), runnerStatus: run.code, html: c.html, root, cwd: io.cwd, env: io.env,
      partialRun: c.shard ? `shard ${c.shard.index}/${c.shard.total}` : c.grep || c.grepInvert ? 'filtered by --grep' : undefined,
      startedAt, playwrightMs: run.durationMs, out: io.out,
    });
    if (done.harnessError) io.err(done.harnessError.toLine());
    return done.exitCode;
  },
} satisfies Command;
