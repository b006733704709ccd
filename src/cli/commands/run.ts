/**
 * `pieces-conformance run`: checks the contract and the target, runs the suites through Playwright
 * (its list output streamed as progress), then writes the reports and exits 0, 1 or 2.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from '../command.js';
import { printConfigLines } from '../config/print.js';
import { resolveConfig } from '../config/resolve.js';
import { EXIT } from '../exit.js';
import { playwrightCli, repoRoot } from '../../process/tools.js';
import { executeRun } from '../run/execute.js';
import { childEnv, playwrightArgs, suiteEnv } from '../run/invocation.js';
import { preflight } from '../run/preflight.js';
import { runNode } from '../../process/spawn.js';
import { reportPaths } from '../../report/paths.js';
import { settingOptions } from '../options.js';

export default {
  name: 'run',
  summary: 'Run the conformance suites against a target and write the reports',
  details: [
    'Without --target the suites start the embedded emulator (in memory, a free port). Settings come',
    'from pieces-conformance.config.json, then PIECES_* environment variables, then these flags (flags win).',
    'Reports (regenerated each run): reports/summary.md, reports/junit.xml, reports/results.json,',
    'reports/allure-report/index.html (offline, single file), reports/coverage.md and coverage.json.',
  ].join('\n'),
  positionalHint: 'did you mean --grep?',
  options: [
    ...settingOptions(
      'target',
      'suites',
      'grep',
      'grepInvert',
      'shard',
      'contract',
      'assumptions',
      'stopWhenCaught',
      'validation',
      'allowDownloads',
      'readonly',
      'deep',
      'faults',
      'emulatorProfile',
      'timeoutMs',
      'timeoutLlmMs',
      'timeoutFirstFrameMs',
      'timeoutAnswerMs',
      'timeoutDownloadMs',
      'timeoutLoadMs',
      'consistencyMs',
      'streamConcurrency',
      'workers',
      'fcRuns',
      'fcSeed',
      'fcPath',
      'fcReplayPath',
      'reportsDir',
      'html',
    ),
    {
      name: 'list',
      type: 'boolean',
      description: 'List the tests that would run (after --suite, --grep and --shard) and exit',
    },
    ...settingOptions('config'),
    {
      name: 'print-config',
      type: 'boolean',
      description: 'Print every setting, its value and where it came from (default, file, env, flag), and exit',
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
    const resolved = resolveConfig({ cwd: io.cwd, env: io.env, flags: args.values, warn: io.err });
    const c = resolved.config;
    if (args.values['print-config']) {
      for (const line of printConfigLines(resolved)) io.out(line);
      return EXIT.ok;
    }
    const paths = reportPaths(c.reportsDir, io.cwd);
    const pre = await preflight(c, root, io.env, io.cwd);
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
      headline: `pieces-conformance: judging ${where} against contract ${pre.contractLabel} (${c.validation}), suites ${c.suites.join(', ')}${c.faults.length ? `, faults ${c.faults.join(', ')}` : ''}`,
      beforeRun: () =>
        writeFileSync(
          paths.runConfig,
          `${JSON.stringify(pre.contract.id === 'file' ? { ...c, contract: pre.contract.file } : c, null, 2)}\n`,
        ),
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
