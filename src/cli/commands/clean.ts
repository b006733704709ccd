/**
 * `pieces-conformance clean --target URL`: removes what interrupted runs against that target left
 * — and only that: the ids their ledgers recorded (assets and conversations deleted, sessions
 * closed, downloads cancelled), and every model put back in the state it had before those runs.
 * A run against a live target does the same before it starts. Exit 0 clean, 1 something could not
 * be removed (its ledger is kept), 2 harness error.
 */
import type { Command } from '../command.js';
import { EXIT } from '../exit.js';
import { settingOptions } from '../options.js';

export default {
  name: 'clean',
  summary: "Remove an interrupted run's leftovers on a target (only what its ledger recorded) and restore its models",
  details: [
    'Every run against a live target writes a ledger: each id it creates, as it creates it, and the models state before',
    'it started (outside reports/: PIECES_LEDGER_DIR, else the user state directory, one folder per target URL). A run',
    'that finishes removes its ledger; an interrupted one leaves it, and clean (or the next run) sweeps it. Ledgers of a',
    'run still going on this machine are left alone. Nothing a ledger does not name is touched.',
  ].join('\n'),
  options: [
    {
      name: 'target',
      type: 'string',
      placeholder: 'URL',
      description: 'The Pieces OS the runs were against (required)',
    },
    {
      name: 'ledger-dir',
      type: 'string',
      placeholder: 'DIR',
      description: 'Where the ledgers are (PIECES_LEDGER_DIR)',
      defaultText: 'the user state directory',
    },
    { name: 'dry-run', type: 'boolean', description: 'List the leftovers, remove nothing' },
    ...settingOptions('timeoutMs'),
  ],
  examples: [
    ['--target http://127.0.0.1:39300', 'remove what an interrupted run left on that Pieces OS'],
    ['--target http://127.0.0.1:39300 --dry-run', 'only list it'],
  ],
  async run(args, io) {
    const { resolve } = await import('node:path');
    const { HarnessError } = await import('../../core/errors.js');
    const { parseTarget, readSetting } = await import('../../settings/index.js');
    const { findLedgers, targetLedgerDir, cleanTarget } = await import('../../ledger/index.js');
    const target = args.values.target as string | undefined;
    if (!target)
      throw new HarnessError(
        'usage',
        'clean needs --target URL',
        'e.g. pieces-conformance clean --target http://127.0.0.1:39300',
      );
    const url = parseTarget(target);
    if (url === undefined || url === 'auto')
      throw new HarnessError('usage', `--target "${target}" is not an http(s) URL`, 'e.g. http://127.0.0.1:39300');
    const dir = args.values['ledger-dir'] as string | undefined;
    const env: NodeJS.ProcessEnv = { ...io.env, ...(dir ? { PIECES_LEDGER_DIR: resolve(io.cwd, dir) } : {}) };
    const found = findLedgers(url, env);
    io.out(
      `pieces-conformance clean: ${url}: ${found.length} ledger${found.length === 1 ? '' : 's'} in ${targetLedgerDir(url, env)}`,
    );
    if (args.values['dry-run']) {
      for (const f of found) {
        const left = f.state.leftovers.map((l) => `${l.kind} ${l.id}`);
        io.out(
          `  ${f.file}${f.running ? ' (run still going)' : ''}: ${left.length ? left.join(', ') : 'nothing left'}; ${f.state.models.length} models to restore`,
        );
      }
      return EXIT.ok;
    }
    if (found.length === 0) return EXIT.ok;
    const { BUNDLED_CONTRACT, loadSpec } = await import('../../contract/index.js');
    const { ApiClient, fetchTransport } = await import('../../client/index.js');
    const { requireHealthy } = await import('../../target/index.js');
    await requireHealthy(url);
    const spec = await loadSpec(BUNDLED_CONTRACT);
    const api = new ApiClient({
      baseUrl: url,
      spec,
      transport: fetchTransport(),
      timeoutMs: (args.values['timeout-ms'] as number | undefined) ?? readSetting('timeoutMs', io.env),
    });
    const r = await cleanTarget(api, url, env);
    for (const line of r.done) io.out(`  ${line}`);
    for (const line of r.failed) io.err(`  could not: ${line}`);
    for (const name of r.running) io.out(`  left alone (a run still going): ${name}`);
    io.out(
      `${r.swept.length} ledger${r.swept.length === 1 ? '' : 's'} swept, ${r.done.length} action${r.done.length === 1 ? '' : 's'}${r.kept.length ? `, ${r.kept.length} kept for another try` : ''}`,
    );
    return r.failed.length ? EXIT.failures : EXIT.ok;
  },
} satisfies Command;
