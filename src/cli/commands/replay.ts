/**
 * `pieces-conformance replay`: runs the failed tests of the last run again, with that run's settings
 * (saved by `run` as `<reports>/run-config.json`), and says of each whether it is FIXED, STILL
 * FAILING or NOT RUN. The replay's own reports go to `<reports>/replay/` (summary, JUnit, replay.md);
 * the reports of the run it replays are left alone. Exit 0 when every failure is fixed, 1 otherwise.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { Command } from '../command.js';
import type { RunConfig } from '../config/resolve.js';
import { EXIT } from '../exit.js';
import { settingOptions } from '../options.js';
import { repoRoot } from '../../process/tools.js';
import { executeRun } from '../run/execute.js';
import { preflight } from '../run/preflight.js';
import { reportPaths } from '../../report/paths.js';
import { readResults } from '../../report/results.js';
import { failedTests, replayMarkdown, replaySelection, replayVerdicts } from '../../report/replay.js';
import { HarnessError } from '../../core/errors.js';
import { defaultSettings, readSetting, type Suite } from '../../settings/index.js';

export default {
  name: 'replay',
  summary: 'Run the failed tests of the last run again, with its settings, and say which are fixed',
  details: [
    'Reads <reports>/results.json and <reports>/run-config.json (written by run), runs every test that failed',
    'there again with the same target, suites, validation mode and fault switches, and prints each as FIXED,',
    'STILL FAILING or NOT RUN. Reports of the replay go to <reports>/replay/ (replay.md, summary.md, JUnit).',
    'A property test replays with a new seed unless the run set one: to replay its counterexample, use the',
    'PIECES_FC_SEED / PIECES_FC_PATH line its failure printed. Exit 0 when every failure is fixed, 1 when one is',
    'not, 2 on harness errors (no earlier run, unreachable target).',
  ].join('\n'),
  options: [
    { ...settingOptions('reportsDir')[0], description: 'The reports of the run to replay (env PIECES_REPORTS_DIR)' },
    {
      ...settingOptions('target')[0],
      description: "Replay against this target instead of the run's",
      defaultText: undefined,
    },
    {
      ...settingOptions('contract')[0],
      description:
        "Replay judged by this contract instead of the run's (an id of spec/versions/index.yaml or an OpenAPI file)",
      defaultText: undefined,
    },
    {
      ...settingOptions('assumptions')[0],
      description: "How unmet assumed expectations count in the replay (default: the run's)",
      defaultText: undefined,
    },
    {
      name: 'without-faults',
      type: 'boolean',
      description: 'Turn off the fault switches the run had on (the embedded emulator as it ships)',
    },
    { name: 'html', type: 'boolean', description: 'Also write the Allure HTML report of the replay' },
  ],
  examples: [
    ['', 'the failures of reports/ again, as that run was configured'],
    ['--target http://127.0.0.1:39300', 'the failures again, against a new build'],
    ['--without-faults', 'a planted bug turned off: its failures should be FIXED'],
  ],
  async run(args, io) {
    const startedAt = Date.now();
    const root = repoRoot();
    const from = reportPaths(
      (args.values['reports-dir'] as string | undefined) ?? readSetting('reportsDir', io.env),
      io.cwd,
    );
    const show = (f: string) => relative(io.cwd, f) || '.';
    const saved = from.runConfig;
    const RUN_CONFIG_FILE = basename(saved);
    if (!existsSync(from.json) || !existsSync(saved)) {
      const why = existsSync(from.json)
        ? `results.json is there but not ${RUN_CONFIG_FILE}: merged shards are replayed from each shard's --reports-dir`
        : 'run the suites first, or pass --reports-dir';
      throw new HarnessError(
        'usage',
        `no run to replay in ${show(from.dir)} (results.json and ${RUN_CONFIG_FILE} are written by pieces-conformance run)`,
        why,
      );
    }
    const targets = failedTests(readResults(from.json).tests);
    if (targets.length === 0) {
      io.out(`pieces-conformance replay: the run in ${show(from.dir)} has no failed test; nothing to replay`);
      return EXIT.ok;
    }
    let base: RunConfig;
    try {
      // Settings added since that run take their defaults.
      base = { ...defaultSettings(), ...(JSON.parse(readFileSync(saved, 'utf8')) as Partial<RunConfig>) };
    } catch (err) {
      throw new HarnessError(
        'usage',
        `${show(saved)} is not readable JSON: ${(err as Error).message}`,
        'run the suites again',
      );
    }
    const { locations, projects } = replaySelection(targets);
    const target = (args.values.target as string | undefined) ?? base.target;
    // Fault switches belong to the embedded emulator: a target (the run's or a new one) takes none.
    const faults = args.values['without-faults'] === true || target !== undefined ? [] : base.faults;
    const c: RunConfig = {
      ...base,
      target,
      suites: projects as Suite[],
      grep: undefined,
      grepInvert: undefined,
      shard: undefined,
      faults,
      contract: (args.values.contract as string | undefined) ?? base.contract,
      assumptions: (args.values.assumptions as RunConfig['assumptions']) ?? base.assumptions,
      html: args.values.html === true,
      reportsDir: from.replay,
    };
    const paths = reportPaths(c.reportsDir, io.cwd);
    const pre = await preflight(c, root, io.env, io.cwd);
    const where = pre.target ? pre.target.url : 'the embedded emulator';
    const done = await executeRun({
      c,
      pre,
      paths,
      root,
      io,
      startedAt,
      extraArgs: locations,
      partialRun: 'replay of failed tests',
      reportOut: () => undefined,
      headline: `pieces-conformance replay: ${targets.length} failed test${targets.length === 1 ? '' : 's'} of ${show(from.dir)} against ${where}${c.faults.length ? ` with faults ${c.faults.join(', ')}` : ''}`,
    });
    if (done.harnessError) {
      io.err(done.harnessError.toLine());
      return EXIT.harness;
    }
    const verdicts = replayVerdicts(targets, done.results?.tests ?? []);
    for (const v of verdicts)
      io.out(`  ${v.verdict.padEnd(13)} [${v.project}] ${v.title}${v.detail ? ` — ${v.detail}` : ''}`);
    const md = join(paths.dir, 'replay.md');
    writeFileSync(md, replayMarkdown(verdicts, { from: show(from.dir), target: where }));
    const fixed = verdicts.filter((v) => v.verdict === 'FIXED').length;
    io.out(
      `${fixed} of ${verdicts.length} fixed; replay: ${show(md)} · summary: ${show(paths.summary)} · JUnit: ${show(paths.junit)}`,
    );
    return fixed === verdicts.length ? EXIT.ok : EXIT.failures;
  },
} satisfies Command;
