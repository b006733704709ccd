/** Emulator CLI: flag parsing (table-driven), --help, --list-faults and exit status 2 on bad flags. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { faultTable, parseCli } from '../../../emulator/cli.js';
import { listFaults } from '../../../emulator/index.js';

const BIN = fileURLToPath(new URL('../../../bin/pieces-os-emulator.mjs', import.meta.url));

describe('emulator cli', () => {
  const good: Array<[string[], Record<string, unknown>]> = [
    [[], { port: 39300, memory: true, faults: [], signedIn: true }],
    [['--port', '0'], { port: 0 }],
    [['--data', 'some/dir'], { dataDir: 'some/dir', memory: false }],
    [['--fault', 'health-json', '--fault', 'gone-as-404'], { faults: ['health-json', 'gone-as-404'] }],
    [
      ['--stream-delay-ms', '0', '--download-ms', '50', '--body-limit', '2048'],
      { streamDelayMs: 0, downloadMs: 50, bodyLimit: 2048 },
    ],
    [['--signed-out', '--host', '::1'], { signedIn: false, host: '::1' }],
    [['--seed-envelopes'], { seedEnvelopes: true }],
    [
      ['--profile', 'realistic', '--first-token-ms', '100-300', '--chunk-ms', '5', '--index-lag-ms', '250'],
      { profile: 'realistic', firstTokenMs: [100, 300], chunkMs: [5, 5], indexLagMs: 250 },
    ],
  ];
  for (const [argv, expected] of good) {
    test(`parses ${JSON.stringify(argv)}`, () => {
      const r = parseCli(argv);
      assert.equal(r.action, 'start');
      if (r.action === 'start')
        for (const [k, v] of Object.entries(expected)) assert.deepEqual((r.options as any)[k], v, k);
    });
  }

  const bad: Array<[string[], RegExp]> = [
    [['--bogus'], /Unknown option/],
    [['--port', 'abc'], /--port needs a non-negative integer/],
    [['--port', '70000'], /at most 65535/],
    [['--port'], /argument missing|requires/i],
    [['--download-ms=-5'], /non-negative integer/],
    [['--download-ms', '-5'], /ambiguous/],
    [['--body-limit', '0'], /at least 1/],
    [['--data', 'd', '--memory'], /exclude each other/],
    [['extra'], /Unexpected argument|positional/i],
    [['--profile', 'slow'], /--profile must be one of instant, realistic/],
    [['--first-token-ms', '300-100'], /--first-token-ms needs a number or a range/],
    [['--chunk-ms', 'fast'], /--chunk-ms needs a number or a range/],
  ];
  for (const [argv, message] of bad) {
    test(`refuses ${JSON.stringify(argv)}`, () => assert.throws(() => parseCli(argv), message));
  }

  test('--help and --list-faults are actions', () => {
    assert.deepEqual(parseCli(['--help']), { action: 'help' });
    assert.deepEqual(parseCli(['--list-faults']), { action: 'list' });
    const table = faultTable();
    for (const f of listFaults()) assert.ok(table.includes(f.name) && table.includes(f.expectedCheck));
  });

  test('the bin prints help (exit 0) and one line for a bad flag or fault (exit 2)', async () => {
    // Three processes side by side: each pays the TypeScript start-up once.
    const run = (args: string[]) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        execFile(process.execPath, [BIN, ...args], (err, stdout, stderr) =>
          resolve({ status: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }),
        );
      });
    const [help, bad, fault] = await Promise.all([
      run(['--help']),
      run(['--nope']),
      run(['--port', '0', '--fault', 'no-such-fault']),
    ]);
    assert.equal(help.status, 0);
    for (const flag of [
      '--port',
      '--host',
      '--data',
      '--memory',
      '--fault',
      '--list-faults',
      '--stream-delay-ms',
      '--download-ms',
      '--body-limit',
      '--signed-out',
      '--help',
    ])
      assert.ok(help.stdout.includes(flag), flag);
    assert.equal(bad.status, 2);
    assert.equal(bad.stderr.trim().split('\n').length, 1);
    assert.equal(fault.status, 2);
    assert.match(fault.stderr, /Unknown fault switch: no-such-fault\. Valid names: health-json/);
  });
});
