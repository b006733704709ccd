/**
 * `pieces-conformance emulator ...`: starts the Pieces OS emulator by spawning its own bin
 * (`bin/pieces-os-emulator.mjs`) with the same flags, forwarding signals; src/ never imports the
 * emulator itself.
 */
import { existsSync } from 'node:fs';
import { HarnessError } from '../../core/errors.js';
import type { Command } from '../command.js';
import { EXIT } from '../exit.js';
import { emulatorBin, repoRoot } from '../../process/tools.js';
import { runNode } from '../../process/spawn.js';

export default {
  name: 'emulator',
  summary: 'Start the Pieces OS emulator (same flags as pieces-os-emulator; --help lists them)',
  args: '[emulator flags ...]',
  details: [
    'Every argument is passed to the emulator unchanged: --port --host --data --memory --fault',
    '--list-faults --stream-delay-ms --download-ms --signed-out --help. Ctrl-C stops it.',
  ].join('\n'),
  options: [],
  passthrough: true,
  examples: [
    ['--port 39300 --memory', 'an emulator where Pieces OS 11+ would listen, state in memory'],
    ['--list-faults', 'the fault switches, with the check that must catch each'],
    ['--port 39300 --fault gone-as-404', 'an emulator with a planted bug, for a live-target run'],
  ],
  async runRaw(argv, io) {
    const root = repoRoot();
    const bin = emulatorBin(root);
    if (!existsSync(bin))
      throw new HarnessError('internal', 'bin/pieces-os-emulator.mjs is missing', 'reinstall pieces-os-conformance');
    const r = await runNode(bin, argv, { cwd: io.cwd, env: io.env });
    if (r.signal) return EXIT.ok; // stopped by Ctrl-C or SIGTERM: a normal end for a server
    return r.code ?? EXIT.harness;
  },
} satisfies Command;
