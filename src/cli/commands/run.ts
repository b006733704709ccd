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
import { executeRun, RUN_CONFIG_FILE } from '../run/execute.js';
import { childEnv, playwrightArgs, suiteEnv } from '../run/invocation.js';
import { preflight } from '../run/preflight.js';
import { runNode } from '../spawn.js';
import { reportPaths } from '../../report/paths.js';
import type { RunConfig } from '../config/schema.js';

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
    {
      name: 'target',
      type: 'string',
      placeholder: 'URL|auto',
      description:
        'The Pieces OS to judge: a base URL, or auto to discover one on 39300-39333, 1000, 5323 (env PIECES_BASE_URL)',
      defaultText: 'the embedded emulator',
    },
    {
      name: 'suite',
      type: 'list',
      choices: SUITES,
      repeatable: true,
      placeholder: SUITES.join(','),
      description: 'Suites to run (env PIECES_SUITES)',
      defaultText: 'all',
    },
    {
      name: 'grep',
      type: 'string',
      placeholder: 'REGEX',
      description: 'Only tests whose title matches (Playwright --grep; env PIECES_GREP)',
    },
    { name: 'grep-invert', type: 'string', placeholder: 'REGEX', description: 'Leave out tests whose title matches' },
    {
      name: 'shard',
      type: 'string',
      placeholder: 'i/n',
      description:
        'Run shard i of n (Playwright sharding); writes a blob report for `pieces-conformance merge` (env PIECES_SHARD)',
    },
    {
      name: 'validation',
      type: 'enum',
      choices: VALIDATION_MODES,
      description:
        'strict, or lenient for targets newer than the contract: extra fields and unknown enum values are warnings (env PIECES_VALIDATION)',
      defaultText: 'strict',
    },
    {
      name: 'allow-downloads',
      type: 'boolean',
      description:
        'Let the suites download models on the target (env PIECES_ALLOW_DOWNLOADS=1); otherwise those steps are skipped',
    },
    {
      name: 'readonly',
      type: 'boolean',
      description: 'Only reads: nothing is created, changed or deleted on the target (env PIECES_READONLY=1)',
    },
    { name: 'deep', type: 'boolean', description: 'Nightly depth: many more property-test runs (env PIECES_DEEP=1)' },
    {
      name: 'fault',
      type: 'list',
      repeatable: true,
      placeholder: 'NAME',
      description:
        'Turn on an emulator fault switch (embedded emulator only; list: pieces-conformance emulator --list-faults; env PIECES_EMULATOR_FAULTS)',
    },
    {
      name: 'timeout-ms',
      type: 'int',
      min: 1,
      placeholder: 'N',
      description: 'Per-request timeout in milliseconds (env PIECES_TIMEOUT_MS)',
      defaultText: '10000',
    },
    {
      name: 'workers',
      type: 'int',
      min: 1,
      placeholder: 'N',
      description: 'Playwright workers (env PIECES_WORKERS)',
      defaultText: "the suite's setting",
    },
    {
      name: 'fc-runs',
      type: 'int',
      min: 1,
      placeholder: 'N',
      description: 'Property suite: runs per property (env PIECES_FC_RUNS)',
    },
    {
      name: 'fc-seed',
      type: 'int',
      placeholder: 'N',
      description: 'Property suite: seed to replay (env PIECES_FC_SEED)',
    },
    {
      name: 'fc-path',
      type: 'string',
      placeholder: 'PATH',
      description: 'Property suite: counterexample path to replay, with --fc-seed (env PIECES_FC_PATH)',
    },
    {
      name: 'fc-replay-path',
      type: 'string',
      placeholder: 'PATH',
      description: 'Property suite: replayPath of a failed stateful command sequence (env PIECES_FC_REPLAY_PATH)',
    },
    {
      name: 'reports-dir',
      type: 'string',
      placeholder: 'DIR',
      description: 'Where the reports go (env PIECES_REPORTS_DIR)',
      defaultText: 'reports',
    },
    {
      name: 'no-html',
      type: 'boolean',
      description: 'Skip the Allure HTML report (results, JUnit and the summary are still written)',
    },
    {
      name: 'list',
      type: 'boolean',
      description: 'List the tests that would run (after --suite, --grep and --shard) and exit',
    },
    {
      name: 'config',
      type: 'string',
      placeholder: 'FILE',
      description: 'Config file (env PIECES_CONFIG)',
      defaultText: 'pieces-conformance.config.json if present',
    },
    {
      name: 'print-config',
      type: 'boolean',
      description: 'Print the resolved settings and where each came from, and exit',
    },
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
      throw new HarnessError(
        'usage',
        `run takes no positional arguments, got "${args.positionals[0]}"`,
        'did you mean --grep?',
      );
    }
    if (args.values['print-config']) {
      io.out(`config file: ${file ?? 'none'}`);
      for (const [k, v] of Object.entries(c))
        io.out(`${k} = ${JSON.stringify(v)}  (${origins[k as keyof RunConfig] ?? 'default'})`);
      return EXIT.ok;
    }
    const paths = reportPaths(c.reportsDir, io.cwd);
    const pre = await preflight(c, root, io.env);
    if (args.values.list === true) {
      const env = childEnv(io.env, suiteEnv(c, paths, pre.target?.url));
      const r = await runNode(playwrightCli(), ['test', ...playwrightArgs(c, { list: true }), '--reporter=list'], {
        cwd: root,
        env,
      });
      return r.code === 0 ? EXIT.ok : EXIT.harness;
    }
    const where = pre.target
      ? `${pre.target.url}${pre.target.version ? ` (Pieces OS ${pre.target.version})` : ''}`
      : 'the embedded emulator';
    const done = await executeRun({
      c,
      pre,
      paths,
      root,
      io,
      startedAt,
      headline: `pieces-conformance: judging ${where} against contract ${pre.contractVersion} (${c.validation}), suites ${c.suites.join(', ')}${c.faults.length ? `, faults ${c.faults.join(', ')}` : ''}`,
      beforeRun: () => writeFileSync(join(paths.dir, RUN_CONFIG_FILE), `${JSON.stringify(c, null, 2)}\n`),
      partialRun: c.shard
        ? `shard ${c.shard.index}/${c.shard.total}`
        : c.grep || c.grepInvert
          ? 'filtered by --grep'
          : undefined,
    });
    if (done.harnessError) io.err(done.harnessError.toLine());
    return done.exitCode;
  },
} satisfies Command;
