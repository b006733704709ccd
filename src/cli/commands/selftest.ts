/**
 * `pieces-conformance selftest`: the harness's mutation score. Every fault switch of the emulator
 * gets a run with the switch on (the check it names must fire), the clean emulator a run where
 * nothing may fail; prints the table and `caught / total`, writes reports/selftest.md and .json.
 */
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { EXIT } from '../exit.js';
import { repoRoot } from '../../process/tools.js';

export default {
  name: 'selftest',
  summary: 'Prove the harness: every emulator fault switch caught by its check, no failure on the clean emulator',
  details: [
    'Each fault runs `pieces-conformance run --fault NAME` on the tests that can see it (stream faults: the stream',
    'suite; others: the contract tests of their tag and the negative cases), widened to every suite once if missed.',
    'Exit 0: every fault caught and the clean run conformant; 1: a fault missed or a false alarm; 2: a run could not be judged.',
  ].join('\n'),
  positionalHint: 'name faults with --fault',
  options: [
    {
      name: 'fault',
      type: 'list',
      repeatable: true,
      placeholder: 'NAME',
      description:
        'Only these fault switches (default: the whole catalogue, pieces-conformance emulator --list-faults)',
    },
    {
      name: 'fast',
      type: 'boolean',
      description:
        'The fast subset npm test runs (a handful of faults across tags), with a clean run of the same tests',
    },
    {
      name: 'jobs',
      type: 'int',
      min: 1,
      placeholder: 'N',
      description: 'Conformance runs at a time',
      defaultText: '2',
    },
    {
      name: 'workers',
      type: 'int',
      min: 1,
      placeholder: 'N',
      description: 'Playwright workers per run',
      defaultText: '1',
    },
    { name: 'no-clean', type: 'boolean', description: 'Skip the clean run (the exit code then ignores false alarms)' },
    { name: 'no-widen', type: 'boolean', description: 'Do not retry a missed fault on every suite' },
    {
      name: 'reports-dir',
      type: 'string',
      placeholder: 'DIR',
      description: 'Where selftest.md/.json go; each run under DIR/selftest/<fault>/',
      defaultText: 'reports',
    },
    { name: 'list', type: 'boolean', description: 'Print each fault with the run that will judge it, and exit' },
  ],
  examples: [
    ['', 'the whole catalogue and the clean run (npm run selftest)'],
    ['--fast', 'the fast subset'],
    ['--fault stream-crosstalk --fault gone-as-404 --no-clean', 'two faults only'],
  ],
  async run(args, io) {
    const {
      FAST_FAULTS,
      describeSelection,
      pickFaults,
      readFaultCatalogue,
      runSelftest,
      selectionFor,
      unionSelection,
    } = await import('../../selftest/index.js');
    const { HarnessError } = await import('../../core/errors.js');
    const root = repoRoot();
    const named = (args.values.fault as string[] | undefined) ?? [];
    if (args.values.fast && named.length)
      throw new HarnessError('usage', '--fast and --fault exclude each other', 'give one of them');
    const faults = args.values.fast ? [...FAST_FAULTS] : named;
    if (args.values.list) {
      const catalogue = await readFaultCatalogue(root, io.env);
      for (const f of pickFaults(catalogue, faults))
        io.out(`${f.name.padEnd(32)} ${f.expectedCheck.padEnd(32)} ${describeSelection(selectionFor(f))}`);
      return EXIT.ok;
    }
    const fast = args.values.fast === true;
    const catalogue = await readFaultCatalogue(root, io.env);
    const result = await runSelftest({
      catalogue,
      // A subset's clean control runs the tests its faults ran; the whole catalogue's, every suite.
      ...(fast ? { cleanSelection: unionSelection(pickFaults(catalogue, faults).map(selectionFor)) } : {}),
      root,
      cwd: io.cwd,
      env: io.env,
      reportsDir: resolve(io.cwd, (args.values['reports-dir'] as string | undefined) ?? 'reports'),
      faults,
      jobs: (args.values.jobs as number | undefined) ?? 2,
      // One worker a run: a fault run is short, and stops once caught; a second worker doubles the
      // worker start-ups and restarts (a subset of 12 faults: 1 min 19 s with one, 1 min 28 s with two).
      workers: (args.values.workers as number | undefined) ?? 1,
      clean: args.values['no-clean'] !== true,
      widen: args.values['no-widen'] !== true,
      out: io.out,
    });
    return result.exitCode;
  },
} satisfies Command;
