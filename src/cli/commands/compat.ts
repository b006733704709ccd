/**
 * `pieces-conformance compat`: the compatibility report. Runs the contract and stream suites against
 * the target (or the embedded emulator) with the exchange log on (the stream suite logs its frames),
 * judges every contract version's validators over the logged exchanges (live verdicts), drives the target through the official TypeScript SDK
 * (the SDK row), and writes reports/compat/{index.html,compat.md,compat.json,sdk.json}. The matrix
 * is information, not a gate: exit 0 when it is written, 2 when the harness could not build it.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Command } from '../command.js';
import { resolveConfig, type RunConfig } from '../config/resolve.js';
import { EXIT } from '../exit.js';
import { settingOptions } from '../options.js';
import { emulatorBin, playwrightCli, repoRoot } from '../../process/tools.js';
import { childEnv, playwrightArgs, suiteEnv } from '../run/invocation.js';
import { preflight } from '../run/preflight.js';
import { readHarnessError } from '../run/reports.js';
import { runNode } from '../../process/spawn.js';
import { clearRunOutputs, reportPaths } from '../../report/paths.js';

export default {
  name: 'compat',
  summary:
    'Build the compatibility matrix: every contract version (static and live) and the official SDK against a target',
  details: [
    'Runs the contract and stream suites against the target (without --target: the embedded emulator) with the',
    'exchange log on (WebSocket frames included), judges each contract version of spec/versions/index.yaml over the',
    'logged exchanges (lenient validation:',
    'conformant, not conformant with the first diagnostic, or not exercised), drives the target through',
    '@pieces.app/pieces-os-client (the SDK row; against a fresh emulator when there is no --target), and writes',
    "<reports>/compat/index.html, compat.md, compat.json and sdk.json. The suite's own reports go to",
    '<reports>/compat/run/. Exit 0 when the matrix is written (it is information, not a gate), 2 on harness errors.',
  ].join('\n'),
  // The run's settings (the suite and the SDK smoke run both follow them); the matrix goes to <reports-dir>/compat.
  options: [
    ...settingOptions('target', 'reportsDir', 'allowDownloads', 'readonly', 'faults', 'timeoutMs', 'workers'),
    { name: 'no-sdk', type: 'boolean', description: 'Leave out the SDK smoke run (the SDK row stays "not exercised")' },
    ...settingOptions('config'),
  ],
  examples: [
    ['', 'the embedded emulator: contract versions and the SDK row'],
    ['--target http://127.0.0.1:39300', 'a running Pieces OS'],
    ['--target auto --readonly', 'discover Pieces OS on this machine; change nothing on it'],
  ],
  async run(args, io) {
    const startedAt = Date.now();
    const root = repoRoot();
    const { HarnessError } = await import('../../core/errors.js');
    const { config } = resolveConfig({ cwd: io.cwd, env: io.env, flags: args.values, warn: io.err });
    // The contract suite for every HTTP operation and the stream suite for the WebSocket ones, whole (a
    // filtered run would leave operations unexercised for no reason). The property suite adds volume, not operations.
    const c: RunConfig = {
      ...config,
      suites: ['contract', 'stream'],
      grep: undefined,
      grepInvert: undefined,
      shard: undefined,
      html: false,
      // The live verdicts come from the exchange log; the matrix is information, so the gate only reports.
      exchangeLog: true,
      coverageGate: 'report',
    };
    const compatDir = reportPaths(c.reportsDir, io.cwd).compat;
    const runPaths = reportPaths(join(compatDir, 'run'), io.cwd);
    const show = (f: string) => relative(io.cwd, f) || f;

    const pre = await preflight(c, root, io.env);
    const embedded = !pre.target;
    const [
      { loadVersions, DEFAULT_INDEX },
      { staticMatrix },
      live,
      sdkMod,
      { writeCompatReports },
      { readResolvedTarget },
      { readResults },
      { counts, formatMs },
    ] = await Promise.all([
      import('../../compat/versions.js'),
      import('../../compat/matrix.js'),
      import('../../compat/live/index.js'),
      import('../../compat/sdk/index.js'),
      import('../../compat/report/write.js'),
      import('../../report/environment.js'),
      import('../../report/results.js'),
      import('../../report/summary.js'),
    ]);
    const { countsTable } = await import('../../compat/live/table.js');
    const loaded = args.values['no-sdk'] === true ? undefined : await sdkMod.loadSdk();

    // 1. The suites, with the exchange log on (their reports under <reports>/compat/run).
    clearRunOutputs(runPaths);
    const vars = suiteEnv(c, runPaths, pre.target?.url);
    const where = pre.target
      ? `${pre.target.url}${pre.target.version ? ` (Pieces OS ${pre.target.version})` : ''}`
      : 'the embedded emulator';
    io.out(
      `pieces-conformance compat: running the contract and stream suites against ${where} (reports in ${show(runPaths.dir)})`,
    );
    const suite = runNode(playwrightCli(), ['test', ...playwrightArgs(c)], {
      cwd: root,
      env: childEnv(io.env, vars),
      capture: true,
    });

    // 2. Meanwhile (embedded emulator): the SDK smoke run against a fresh emulator of its own.
    let sdkResult: Awaited<ReturnType<typeof sdkMod.runSdkSmoke>> | undefined;
    const smoke = async (baseUrl: string, allowDownloads: boolean) => {
      if (!loaded) return undefined;
      return sdkMod.runSdkSmoke({ baseUrl, loaded, timeoutMs: c.timeoutMs, allowDownloads, readonly: c.readonly });
    };
    if (embedded && loaded) {
      const emu = await sdkMod.startEmulatorProcess(emulatorBin(root), {
        cwd: root,
        env: io.env,
        args: c.faults.flatMap((f) => ['--fault', f]),
      });
      try {
        sdkResult = await smoke(emu.url, true);
      } finally {
        await emu.stop();
      }
    }

    // 3. Meanwhile: every version's spec and lenient validators (no exchange needed yet).
    const versions = await loadVersions(DEFAULT_INDEX, root);
    const prepared = await live.prepareVersions(versions);

    const run = await suite;
    const harnessError = readHarnessError(runPaths.harnessError);
    if (harnessError) throw harnessError;
    let results;
    try {
      results = readResults(runPaths.json);
    } catch {
      const tail = (run.stderr || run.stdout).trim().split('\n').slice(-3).join(' / ');
      throw new HarnessError(
        'internal',
        `the suites did not report (exit ${run.code ?? run.signal})${tail ? `: ${tail}` : ''}`,
        `see ${show(runPaths.dir)}`,
      );
    }
    const n = counts(results.tests);
    io.out(
      `  contract and stream suites: ${n.passed} passed, ${n.failed} failed${n.flaky ? `, ${n.flaky} flaky` : ''}${n.skipped ? `, ${n.skipped} skipped` : ''} (${formatMs(run.durationMs)})`,
    );
    const resolved = readResolvedTarget(runPaths.target);
    const targetUrl = pre.target?.url ?? resolved?.url;
    const log = live.readExchangeLog(runPaths.exchanges);
    if (log.exchanges.length === 0) {
      throw new HarnessError(
        'internal',
        `the suites logged no exchange in ${show(runPaths.exchanges)}`,
        'the fixtures write the log when PIECES_EXCHANGE_LOG=1; see the suite output in compat/run',
      );
    }

    // 4. Live target: the SDK smoke run after the suite (never two writers on one target at once).
    if (!embedded && loaded && targetUrl) sdkResult = await smoke(targetUrl, c.allowDownloads);

    // 5. The matrix: static verdicts, live cells, the SDK row.
    const matrix = staticMatrix(versions);
    matrix.target = embedded
      ? `embedded emulator${resolved?.version ? ` ${resolved.version}` : ''} (${targetUrl ?? 'closed'}, in memory, started for the run)`
      : targetUrl;
    const judged = live.judgeVersions(prepared, log.exchanges, {
      baseUrl: targetUrl,
      baseline: versions.find((v) => v.refined)?.id,
    });
    live.applyLive(matrix, judged);
    if (sdkResult) sdkMod.applySdk(matrix, sdkResult);
    else {
      for (const r of matrix.rows.filter((x) => x.kind === 'sdk')) {
        for (const key of Object.keys(matrix.cells[r.id]))
          matrix.cells[r.id][key] = {
            verdict: 'not-exercised',
            source: 'sdk',
            reason: 'SDK smoke run left out (--no-sdk)',
          };
      }
    }
    mkdirSync(compatDir, { recursive: true });
    const files = await writeCompatReports(matrix, compatDir);
    const sdkFile = join(compatDir, 'sdk.json');
    if (sdkResult) writeFileSync(sdkFile, `${JSON.stringify(sdkResult, null, 2)}\n`);
    else rmSync(sdkFile, { force: true });

    // 6. The short table.
    io.out('');
    for (const line of countsTable(matrix)) io.out(`  ${line}`);
    io.out('');
    io.out(
      `  live: ${log.exchanges.length} exchanges from ${log.files.length} worker log${log.files.length === 1 ? '' : 's'}${log.skipped.length ? ` (${log.skipped.length} unreadable lines skipped)` : ''}, judged by ${prepared.length} contract versions (lenient)`,
    );
    if (sdkResult) {
      const t = sdkMod.sdkTally(sdkResult);
      const failed = sdkResult.calls.filter(
        (x) => !x.cleanup && (x.outcome === 'failed' || x.shapeProblem || x.content === 'changed'),
      );
      io.out(
        `  SDK ${sdkResult.sdk.name} ${sdkResult.sdk.version} against ${sdkResult.baseUrl}: ${t.ok} ok, ${t.failed} failed, ${t.skipped} skipped; content ${t.content}`,
      );
      for (const f of failed) io.out(`    ✗ ${f.method}(): ${f.error ?? f.shapeProblem ?? f.note}`);
    }
    io.out(
      `  report: ${show(files.html)} · ${show(files.md)} · ${show(files.json)}${existsSync(sdkFile) && sdkResult ? ` · ${show(sdkFile)}` : ''} (${formatMs(Date.now() - startedAt)})`,
    );
    return EXIT.ok;
  },
} satisfies Command;
