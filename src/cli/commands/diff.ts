/**
 * `pieces-conformance diff --target URL`: drift between the emulator and a live target. The same
 * seeded scenario (REST and one streamed question) runs on both; statuses, body shapes and stream
 * sequences are compared; reports/drift.md lists each difference. Exit 0 no drift, 1 drift, 2 harness error.
 */
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { EXIT } from '../exit.js';
import { repoRoot } from '../../process/tools.js';

export default {
  name: 'diff',
  summary:
    'Drift between the emulator and a target: the same scenario on both, statuses, shapes and stream sequences compared',
  details: [
    'The reference is the emulator, spawned for the check (in memory, a free port), unless --reference names a running one.',
    'Body shapes are keys and JSON types: ids, timestamps, free text and model text never differ. The scenario creates two',
    'assets and a conversation on the target (marked pieces-conformance:drift) and deletes the assets at the end.',
    'Exit 0: no drift; 1: drift (see drift.md); 2: a side could not be reached or the harness failed.',
  ].join('\n'),
  options: [
    { name: 'target', type: 'string', placeholder: 'URL', description: 'The Pieces OS to compare (required)' },
    {
      name: 'reference',
      type: 'string',
      placeholder: 'URL',
      description: 'A running reference instead of a spawned emulator',
    },
    {
      name: 'reports-dir',
      type: 'string',
      placeholder: 'DIR',
      description: 'Where drift.md and drift.json go',
      defaultText: 'reports',
    },
    {
      name: 'timeout-ms',
      type: 'int',
      min: 1,
      placeholder: 'N',
      description: 'Per-request timeout',
      defaultText: '10000',
    },
  ],
  examples: [
    ['--target http://127.0.0.1:39300', 'a running Pieces OS against a fresh emulator'],
    ['--target http://127.0.0.1:39300 --reference http://127.0.0.1:39301', 'two running targets'],
  ],
  async run(args, io) {
    const { HarnessError } = await import('../../core/errors.js');
    const { DEFAULT_SPEC, loadSpec } = await import('../../contract/index.js');
    const { runDrift } = await import('../../drift/index.js');
    const { parseTarget } = await import('../../settings/index.js');
    const target = args.values.target as string | undefined;
    const reference = args.values.reference as string | undefined;
    if (!target)
      throw new HarnessError(
        'usage',
        'diff needs --target URL',
        'e.g. pieces-conformance diff --target http://127.0.0.1:39300',
      );
    for (const [flag, v] of [
      ['target', target],
      ['reference', reference],
    ] as const) {
      if (v !== undefined && (parseTarget(v) === undefined || v === 'auto'))
        throw new HarnessError('usage', `--${flag} "${v}" is not an http(s) URL`, 'e.g. http://127.0.0.1:39300');
    }
    if (args.positionals.length)
      throw new HarnessError('usage', `diff takes no positional arguments, got "${args.positionals[0]}"`);
    const root = repoRoot();
    const spec = await loadSpec(resolve(root, DEFAULT_SPEC));
    io.out(`pieces-conformance diff: ${reference ?? 'a spawned emulator'} (reference) vs ${target} (target)`);
    const r = await runDrift({
      spec,
      target,
      reference,
      root,
      env: io.env,
      reportsDir: resolve(io.cwd, (args.values['reports-dir'] as string | undefined) ?? 'reports'),
      timeoutMs: args.values['timeout-ms'] as number | undefined,
    });
    const show = (f: string) => f.replace(`${io.cwd}/`, '');
    if (r.drifts.length === 0)
      io.out(`no drift: ${r.referenceRun.steps.length} steps and the stream agree in status and shape`);
    else {
      io.out(
        `${r.drifts.length} difference${r.drifts.length === 1 ? '' : 's'} in ${[...new Set(r.drifts.map((d) => d.operationId))].join(', ')}:`,
      );
      for (const d of r.drifts.slice(0, 20))
        io.out(`  ${d.operationId} (${d.step}): ${d.what}: emulator ${d.reference} / target ${d.target}`);
      if (r.drifts.length > 20) io.out(`  … ${r.drifts.length - 20} more in ${show(r.files.md)}`);
    }
    io.out(`report: ${show(r.files.md)} · ${show(r.files.json)}`);
    return r.drifts.length === 0 ? EXIT.ok : EXIT.failures;
  },
} satisfies Command;
