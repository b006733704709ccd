/**
 * `pieces-conformance diff --target URL`: drift between the emulator and a live target. The same
 * seeded scenario (REST and one streamed question) runs on both; statuses, body shapes and stream
 * sequences are compared; reports/drift.md lists each difference. `diff --har FILE` compares a session
 * recorded through the proxy against a real build with the emulator's answers to the same requests.
 * Exit 0 no drift, 1 drift, 2 harness error.
 */
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { EXIT } from '../exit.js';
import { settingOptions } from '../options.js';
import { repoRoot } from '../../process/tools.js';
import type { Drift } from '../../drift/compare.js';

export default {
  name: 'diff',
  summary:
    'Drift between the emulator and a target: the same scenario on both, statuses, shapes and stream sequences compared',
  details: [
    'The reference is the emulator, spawned for the check (in memory, a free port), unless --reference names a running one.',
    'Body shapes are keys and JSON types: ids, timestamps, free text and model text never differ. The scenario creates two',
    'assets and a conversation on the target (marked pieces-conformance:drift) and deletes the assets at the end; its',
    'seeds name the application POST /connect answers. --readonly (or PIECES_READONLY) keeps to reads outside the',
    "user's library (health, version, models, applications, user): no write and no prompt on either side.",
    'Exit 0: no drift; 1: drift (see drift.md); 2: a side could not be reached or the harness failed.',
  ].join('\n'),
  options: [
    {
      name: 'target',
      type: 'string',
      placeholder: 'URL',
      description: 'The Pieces OS to compare (required, unless --har)',
    },
    {
      name: 'har',
      type: 'string',
      placeholder: 'FILE',
      description:
        'Instead of --target: a session recorded through the proxy (proxy --har FILE), replayed against the emulator in order, ids mapped',
    },
    {
      name: 'reference',
      type: 'string',
      placeholder: 'URL',
      description: 'A running reference instead of a spawned emulator',
    },
    {
      name: 'readonly',
      type: 'boolean',
      description:
        'Only reads outside the user library: nothing created, changed or deleted, no prompt (PIECES_READONLY)',
    },
    {
      name: 'reports-dir',
      type: 'string',
      placeholder: 'DIR',
      description: 'Where drift.md and drift.json go',
      defaultText: 'reports',
    },
    ...settingOptions('contract'),
    ...settingOptions('timeoutMs'),
  ],
  examples: [
    ['--target http://127.0.0.1:39300', 'a running Pieces OS against a fresh emulator'],
    ['--target http://127.0.0.1:39300 --reference http://127.0.0.1:39301', 'two running targets'],
    ['--target http://127.0.0.1:39300 --readonly', "someone's Pieces OS: reads only, no prompt"],
    ['--har session.har', 'a recorded real session replayed offline against a fresh emulator'],
  ],
  async run(args, io) {
    const { HarnessError } = await import('../../core/errors.js');
    const { loadJudgingContract } = await import('../../contract/choice.js');
    const { runDrift } = await import('../../drift/index.js');
    const { parseTarget, readSetting } = await import('../../settings/index.js');
    const target = args.values.target as string | undefined;
    const reference = args.values.reference as string | undefined;
    const har = args.values.har as string | undefined;
    if (har !== undefined && target !== undefined)
      throw new HarnessError(
        'usage',
        'diff takes --har FILE or --target URL, not both',
        'the HAR is the recorded side; drop --target',
      );
    if (!target && har === undefined)
      throw new HarnessError(
        'usage',
        'diff needs --target URL or --har FILE',
        'e.g. pieces-conformance diff --target http://127.0.0.1:39300, or diff --har session.har',
      );
    for (const [flag, v] of [
      ['target', target],
      ['reference', reference],
    ] as const) {
      if (v !== undefined && (parseTarget(v) === undefined || v === 'auto'))
        throw new HarnessError('usage', `--${flag} "${v}" is not an http(s) URL`, 'e.g. http://127.0.0.1:39300');
    }
    const readonly = args.values.readonly === true || readSetting('readonly', io.env);
    if (readonly && har !== undefined)
      throw new HarnessError(
        'usage',
        '--readonly applies to diff --target (diff --har replays against the emulator and touches no target)',
        'drop --readonly',
      );
    const root = repoRoot();
    const contractArg = (args.values.contract as string | undefined) ?? readSetting('contract', io.env);
    const { spec, label } = await loadJudgingContract(contractArg, io.cwd);
    const reportsDir = resolve(io.cwd, (args.values['reports-dir'] as string | undefined) ?? 'reports');
    const show = (f: string) => f.replace(`${io.cwd}/`, '');
    if (har !== undefined) {
      const { runHarDiff } = await import('../../drift/index.js');
      const file = resolve(io.cwd, har);
      io.out(
        `pieces-conformance diff: ${reference ?? 'a spawned emulator'} (reference) vs the recording ${show(file)}`,
      );
      const h = await runHarDiff({
        spec,
        har: file,
        reference,
        root,
        env: io.env,
        reportsDir,
        timeoutMs: (args.values['timeout-ms'] as number | undefined) ?? readSetting('timeoutMs', io.env),
      });
      const { steps, streams } = h.replay.recorded;
      if (h.drifts.length === 0)
        io.out(
          `no drift: ${steps.length} requests and ${streams.length} WebSockets replayed (${h.replay.ids} ids mapped) agree in status and shape`,
        );
      else printDrifts(h.drifts, 'recorded', show(h.files.md), io.out);
      io.out(`report: ${show(h.files.md)} · ${show(h.files.json)}`);
      return h.drifts.length === 0 ? EXIT.ok : EXIT.failures;
    }
    io.out(
      `pieces-conformance diff: ${reference ?? 'a spawned emulator'} (reference) vs ${target} (target), contract ${label}${readonly ? ', read-only' : ''}`,
    );
    const r = await runDrift({
      spec,
      target: target!,
      reference,
      root,
      env: io.env,
      reportsDir,
      timeoutMs: (args.values['timeout-ms'] as number | undefined) ?? readSetting('timeoutMs', io.env),
      readonly,
    });
    if (r.drifts.length === 0)
      io.out(`no drift: ${r.referenceRun.steps.length} steps and the stream agree in status and shape`);
    else printDrifts(r.drifts, 'target', show(r.files.md), io.out);
    io.out(`report: ${show(r.files.md)} · ${show(r.files.json)}`);
    return r.drifts.length === 0 ? EXIT.ok : EXIT.failures;
  },
} satisfies Command;

/** The first 20 differences, one line each: `operation (step): what: emulator X / target Y`. */
function printDrifts(drifts: Drift[], other: string, md: string, out: (line: string) => void): void {
  out(
    `${drifts.length} difference${drifts.length === 1 ? '' : 's'} in ${[...new Set(drifts.map((d) => d.operationId))].join(', ')}:`,
  );
  for (const d of drifts.slice(0, 20))
    out(`  ${d.operationId} (${d.step}): ${d.what}: emulator ${d.reference} / ${other} ${d.target}`);
  if (drifts.length > 20) out(`  … ${drifts.length - 20} more in ${md}`);
}
