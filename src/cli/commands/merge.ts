/**
 * `pieces-conformance merge <shard reports ...>`: combines the reports of a sharded run (one
 * directory per shard, as `run --shard i/n` wrote it) into one set: Playwright's blob reports through
 * `playwright merge-reports` (JUnit + JSON), every shard's allure-results copied into one folder and
 * `allure generate` run once, the coverage parts merged and gated over the whole run, one summary.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { HarnessError } from '../../core/errors.js';
import { evaluateCoverage, mergeParts, readParts, writeCoverageReports } from '../../coverage/index.js';
import type { RunEnvironment } from '../../report/environment.js';
import { clearRunOutputs, reportPaths } from '../../report/paths.js';
import { DEFAULT_SPEC, loadSpec } from '../../contract/index.js';
import { readHar, writeHar } from '../../report/har/index.js';
import type { Command } from '../command.js';
import { EXIT } from '../exit.js';
import { playwrightCli, repoRoot } from '../../process/tools.js';
import { finishReports } from '../run/reports.js';
import { runNode } from '../../process/spawn.js';

/** The blob zips of a shard directory (`<dir>/blob/*.zip`, or zips directly in `<dir>`). */
export function shardBlobs(dir: string): string[] {
  const out: string[] = [];
  for (const d of [reportPaths(dir).blob, dir]) {
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d)) if (f.endsWith('.zip')) out.push(join(d, f));
  }
  return out;
}

/** Copies every file of each allure-results directory into `into` (names are UUIDs: no clashes). */
export function combineAllureResults(dirs: readonly string[], into: string): number {
  mkdirSync(into, { recursive: true });
  let n = 0;
  for (const d of dirs) {
    if (!existsSync(d)) continue;
    for (const f of readdirSync(d)) {
      if (f === 'environment.properties') continue; // one block for the merged run is written later
      copyFileSync(join(d, f), join(into, f));
      n++;
    }
  }
  return n;
}

export default {
  name: 'merge',
  summary: 'Combine the reports of shards (run --shard i/n) into one set of reports and one verdict',
  args: '<shard-reports-dir> ...',
  details: [
    'Each argument is a reports directory of one shard (its blob/, allure-results/, coverage/parts/).',
    'Exit code as for run: 0 conformant, 1 failures, 2 harness error (e.g. a shard is missing).',
  ].join('\n'),
  options: [
    {
      name: 'reports-dir',
      type: 'string',
      placeholder: 'DIR',
      description: 'Where the merged reports go',
      defaultText: 'reports',
    },
    { name: 'no-html', type: 'boolean', description: 'Skip the Allure HTML report' },
  ],
  examples: [['shards/shard-1 shards/shard-2', "CI: after downloading each shard job's reports artifact"]],
  async run(args, io) {
    const startedAt = Date.now();
    const root = repoRoot();
    if (args.positionals.length === 0) {
      throw new HarnessError(
        'usage',
        'merge needs the shard report directories',
        'e.g. pieces-conformance merge shards/shard-1 shards/shard-2',
      );
    }
    const shardDirs = args.positionals.map((d) => resolve(io.cwd, d));
    const paths = reportPaths(
      typeof args.values['reports-dir'] === 'string' ? args.values['reports-dir'] : 'reports',
      io.cwd,
    );
    const blobs = shardDirs.map((d) => ({ dir: d, zips: shardBlobs(d) }));
    const empty = blobs.find((b) => b.zips.length === 0);
    if (empty)
      throw new HarnessError(
        'usage',
        `${relative(io.cwd, empty.dir) || empty.dir}: no blob report (blob/*.zip)`,
        'pass the --reports-dir of a `run --shard i/n`',
      );
    if (shardDirs.some((d) => d === paths.dir))
      throw new HarnessError(
        'usage',
        'the merged reports directory is one of the shards',
        'use --reports-dir with a new directory',
      );

    clearRunOutputs(paths);
    const allBlobs = join(paths.blob, 'merged');
    mkdirSync(allBlobs, { recursive: true });
    blobs.forEach((b, i) => b.zips.forEach((z) => copyFileSync(z, join(allBlobs, `shard${i + 1}-${basename(z)}`))));

    const merged = await runNode(playwrightCli(), ['merge-reports', '--reporter=list,json,junit', allBlobs], {
      cwd: root,
      env: { ...io.env, PLAYWRIGHT_JSON_OUTPUT_FILE: paths.json, PLAYWRIGHT_JUNIT_OUTPUT_FILE: paths.junit },
    });

    // Coverage over the whole run: every shard's parts, gated once.
    const parts = shardDirs.flatMap((d) => readParts(reportPaths(d).coverageParts));
    const spec = await loadSpec(join(root, DEFAULT_SPEC));
    if (parts.length) {
      const { ledger, projects } = mergeParts(parts);
      writeCoverageReports(paths.dir, evaluateCoverage(spec.operations.values(), ledger, projects), {
        contract: spec.version,
      });
    }

    combineAllureResults(
      shardDirs.map((d) => reportPaths(d).allureResults),
      paths.allureResults,
    );
    // One HAR of the whole run: every shard's entries, in the order they started.
    const hars = shardDirs.map((d) => reportPaths(d).har).filter((f) => existsSync(f));
    writeHar(
      paths.har,
      hars.flatMap((f) => readHar(f).items.map((item) => item.entry)),
    );
    const first = shardDirs.map((d) => reportPaths(d).environment).find((f) => existsSync(f));
    const base = first ? (JSON.parse(readFileSync(first, 'utf8')) as RunEnvironment) : undefined;
    const { Shard: _shard, ...rest } = base ?? ({} as RunEnvironment);
    const environment = {
      ...rest,
      'Contract version': rest['Contract version'] ?? spec.version,
      Shards: String(shardDirs.length),
    } as RunEnvironment;

    const done = await finishReports({
      paths,
      environment,
      runnerStatus: merged.code,
      html: args.values['no-html'] !== true,
      root,
      cwd: io.cwd,
      env: io.env,
      // The whole run is here now: gate its coverage, unless the shards ran a --grep subset.
      gateCoverage: !environment.Grep,
      partialRun: environment.Grep ? 'filtered by --grep' : undefined,
      startedAt,
      playwrightMs: merged.durationMs,
      out: io.out,
    });
    rmSync(allBlobs, { recursive: true, force: true });
    if (done.harnessError) io.err(done.harnessError.toLine());
    return done.exitCode ?? EXIT.harness;
  },
} satisfies Command;
