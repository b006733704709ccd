/**
 * `pieces-conformance proxy --target URL`: a validation proxy in front of Pieces OS. Clients talk to
 * it instead of Pieces OS; every exchange and every stream frame passes through unchanged and is
 * judged against the contract with the suites' checks. Reports are written on SIGUSR2 (and every
 * --report-every seconds) and when it stops (SIGINT/SIGTERM); the exit code says whether the
 * traffic broke the contract.
 */
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { EXIT } from '../exit.js';
import { settingOptions } from '../options.js';
import { repoRoot } from '../../process/tools.js';

export default {
  name: 'proxy',
  summary: 'Validate live traffic: a pass-through proxy (HTTP and WebSocket) that judges every exchange and frame',
  details: [
    'Point a client (an IDE plugin, an SDK, a browser extension) at the proxy instead of Pieces OS. Traffic is',
    "forwarded unchanged (hop-by-hop headers excepted; a loopback Host becomes the target's, so its DNS-rebinding",
    'guard accepts it) and judged on the side. Reports (summary.md, coverage, Allure results, proxy.json) are',
    'written on SIGUSR2, every --report-every seconds, and on SIGINT/SIGTERM; then the exit code is 0 (conformant',
    'traffic) or 1 (the target broke the contract).',
  ].join('\n'),
  options: [
    {
      name: 'target',
      type: 'string',
      placeholder: 'URL',
      description: 'The Pieces OS to forward to (required), e.g. http://127.0.0.1:39300',
    },
    {
      name: 'port',
      type: 'int',
      min: 0,
      placeholder: 'P',
      description: 'Port to listen on (0: a free one, printed)',
      defaultText: '0',
    },
    { name: 'host', type: 'string', placeholder: 'ADDR', description: 'Address to bind', defaultText: '127.0.0.1' },
    { ...settingOptions('validation')[0], description: 'strict, or lenient for a target newer than the contract' },
    ...settingOptions('contract'),
    {
      name: 'reports-dir',
      type: 'string',
      placeholder: 'DIR',
      description: 'Where the reports go',
      defaultText: 'reports/proxy',
    },
    {
      name: 'report-every',
      type: 'int',
      min: 1,
      placeholder: 'SECONDS',
      description: 'Also write the reports periodically',
    },
    {
      name: 'stream-idle-ms',
      type: 'int',
      min: 1,
      placeholder: 'MS',
      description: 'A streamed answer silent this long without a terminal frame breaks the grammar',
      defaultText: '10000',
    },
    {
      name: 'har',
      type: 'string',
      placeholder: 'FILE',
      description:
        'Also record the session as HAR 1.2 (WebSocket messages included), written with the reports; replay it offline with diff --har FILE',
    },
    { name: 'preserve-host', type: 'boolean', description: 'Forward Host exactly as the client sent it' },
    {
      name: 'html',
      type: 'boolean',
      description: 'On shutdown, also render the Allure HTML report (allure-report/index.html)',
    },
    { name: 'quiet', type: 'boolean', description: 'Do not print each new failure as it is found' },
  ],
  examples: [
    [
      '--target http://127.0.0.1:39300 --port 39301',
      'clients use http://127.0.0.1:39301; Ctrl-C writes reports/proxy/summary.md',
    ],
    [
      '--target http://127.0.0.1:39300 --port 39301 --report-every 60 --validation lenient',
      'a long session against a newer build',
    ],
    [
      '--target http://127.0.0.1:39300 --port 39301 --har session.har',
      'record a real session to hand over (diff --har session.har replays it against the emulator)',
    ],
  ],
  async run(args, io) {
    const { HarnessError } = await import('../../core/errors.js');
    const { loadJudgingContract } = await import('../../contract/choice.js');
    const { readSetting } = await import('../../settings/index.js');
    const { startProxy } = await import('../../proxy/index.js');
    const { failureLine } = await import('../../checks/run.js');
    const target = args.values.target as string | undefined;
    if (!target)
      throw new HarnessError(
        'usage',
        'proxy needs --target URL',
        'e.g. pieces-conformance proxy --target http://127.0.0.1:39300 --port 39301',
      );
    const root = repoRoot();
    const reportsDir = resolve(io.cwd, (args.values['reports-dir'] as string | undefined) ?? 'reports/proxy');
    const contractArg = (args.values.contract as string | undefined) ?? readSetting('contract', io.env);
    const { spec, label } = await loadJudgingContract(contractArg, io.cwd);
    const proxy = await startProxy({
      target,
      spec,
      contractLabel: label,
      reportsDir,
      host: (args.values.host as string | undefined) ?? '127.0.0.1',
      port: (args.values.port as number | undefined) ?? 0,
      validation: (args.values.validation as 'strict' | 'lenient' | undefined) ?? 'strict',
      preserveHost: args.values['preserve-host'] === true,
      streamIdleMs: args.values['stream-idle-ms'] as number | undefined,
      ...(typeof args.values.har === 'string' ? { harFile: resolve(io.cwd, args.values.har) } : {}),
    });
    if (args.values.quiet !== true)
      proxy.monitor.onNewFailure = (f, sample) => io.err(`${failureLine(f)}  (${sample.label})`);
    io.out(`pieces-conformance proxy listening on ${proxy.url} → ${new URL(target).origin}`);
    io.out(
      `contract ${label} (${(args.values.validation as string | undefined) ?? 'strict'}); reports: ${reportsDir.replace(`${io.cwd}/`, '')} (kill -USR2 ${process.pid} writes them now; Ctrl-C stops)`,
    );

    const show = (f: string) => f.replace(`${io.cwd}/`, '');
    const writeNow = (why: string) => {
      const files = proxy.writeReports();
      io.out(
        `${why}: ${proxy.monitor.exchanges} exchanges, ${proxy.monitor.frames} frames, ${proxy.monitor.allFailures().length} distinct failures → ${show(files.summary)}`,
      );
    };
    const onUsr2 = () => writeNow('report');
    process.on('SIGUSR2', onUsr2);
    const every = args.values['report-every'] as number | undefined;
    const timer = every ? setInterval(() => writeNow('report'), every * 1000) : undefined;
    const signal = await new Promise<NodeJS.Signals>((done) => {
      process.once('SIGINT', () => done('SIGINT'));
      process.once('SIGTERM', () => done('SIGTERM'));
    });
    if (timer) clearInterval(timer);
    process.off('SIGUSR2', onUsr2);
    const files = await proxy.close();
    io.out(
      `${signal}: ${proxy.monitor.exchanges} exchanges, ${proxy.monitor.frames} frames judged; ${files.exitCode ? `${proxy.monitor.allFailures().length} distinct contract failures` : 'no contract failure'}`,
    );
    io.out(
      `summary: ${show(files.summary)} · coverage: ${show(files.coverageMd)} · failures: ${show(files.json)}${files.har ? ` · HAR: ${show(files.har)}` : ''}`,
    );
    if (args.values.html) {
      const { generateAllure } = await import('../allure.js');
      try {
        const r = await generateAllure({
          resultsDirs: [files.allureResults],
          output: `${files.dir}/allure-report`,
          reportsDir: files.dir,
          root,
          env: io.env,
        });
        io.out(`Allure: ${show(r.index)}`);
      } catch (err) {
        io.err(err instanceof HarnessError ? err.toLine() : String(err));
      }
    }
    return files.exitCode === 0 ? EXIT.ok : EXIT.failures;
  },
} satisfies Command;
