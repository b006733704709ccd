/** The option parser and the `run` flags: every flag parses, every bad flag is one usage line (exit 2). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs } from '../../../src/cli/options.js';
import type { OptionValue } from '../../../src/cli/options.js';
import run from '../../../src/cli/commands/run.js';
import { HarnessError } from '../../../src/core/errors.js';
import { main } from '../../../src/cli/main.js';
import { captureIO } from './io.js';

const parse = (argv: string[]) => parseArgs('run', argv, run.options);

// argv → the parsed option values (one row per flag of `run`)
const good: Array<[string[], Record<string, OptionValue>]> = [
  [['--target', 'http://127.0.0.1:39300'], { target: 'http://127.0.0.1:39300' }],
  [['--target=auto'], { target: 'auto' }],
  [['--suite', 'contract,stream'], { suite: ['contract', 'stream'] }],
  [['--suite', 'contract', '--suite', 'property'], { suite: ['contract', 'property'] }],
  [['--grep', 'Assets.*lifecycle'], { grep: 'Assets.*lifecycle' }],
  [['--grep-invert', 'slow'], { 'grep-invert': 'slow' }],
  [['--shard', '1/2'], { shard: { index: 1, total: 2 } }],
  [['--validation', 'lenient'], { validation: 'lenient' }],
  [['--allow-downloads'], { 'allow-downloads': true }],
  [['--readonly'], { readonly: true }],
  [['--readonly=false'], { readonly: false }],
  [['--readonly=on'], { readonly: true }],
  [['--validation', 'LENIENT'], { validation: 'lenient' }],
  [['--deep'], { deep: true }],
  [
    ['--fault', 'gone-as-404', '--fault', 'health-json,bad-json-500'],
    { fault: ['gone-as-404', 'health-json', 'bad-json-500'] },
  ],
  [['--timeout-ms', '2500'], { 'timeout-ms': 2500 }],
  [['--workers=1'], { workers: 1 }],
  [
    ['--fc-runs', '500', '--fc-seed', '-42', '--fc-path', '3:1:0'],
    { 'fc-runs': 500, 'fc-seed': -42, 'fc-path': '3:1:0' },
  ],
  [['--fc-replay-path', 'AAB:C'], { 'fc-replay-path': 'AAB:C' }],
  [['--reports-dir', 'out/shard-1'], { 'reports-dir': 'out/shard-1' }],
  [['--no-html'], { 'no-html': true }],
  [['--list'], { list: true }],
  [['--config', 'ci.json'], { config: 'ci.json' }],
  [['--print-config'], { 'print-config': true }],
  [[], {}],
];

for (const [argv, values] of good) {
  test(`run ${argv.join(' ') || '(no flags)'} parses`, () => {
    const parsed = parse(argv);
    assert.deepEqual(parsed.values, values);
    assert.deepEqual(parsed.positionals, []);
    assert.equal(parsed.help, false);
  });
}

test('--help and -h ask for help; -- ends the options', () => {
  assert.equal(parse(['--help']).help, true);
  assert.equal(parse(['-h']).help, true);
  assert.deepEqual(parse(['--deep', '--', '--not-a-flag']).positionals, ['--not-a-flag']);
});

// argv → a fragment of the usage error's one line
const bad: Array<[string[], RegExp]> = [
  [['--bogus'], /unknown option --bogus for "run"/],
  [['--targt', 'auto'], /unknown option --targt .*did you mean --target\?/],
  [['-x'], /unknown option -x/],
  [['--target'], /--target needs a value \(URL\|auto\)/],
  [['--target', '--deep'], /--target needs a value/],
  [
    ['--suite', 'contract,smoke'],
    /--suite "contract,smoke" is invalid \(accepted: a comma-separated list of contract, stream, property\)/,
  ],
  [['--suite', ','], /--suite needs at least one value/],
  [['--validation', 'loose'], /--validation "loose" is invalid \(accepted: one of strict, lenient\)/],
  [['--timeout-ms', 'soon'], /--timeout-ms "soon" is invalid \(accepted: a whole number, at least 1\)/],
  [['--timeout-ms', '0'], /--timeout-ms "0" is invalid \(accepted: a whole number, at least 1\)/],
  [['--workers', '1.5'], /--workers "1.5" is invalid/],
  [['--deep=maybe'], /--deep is a switch and takes no value/],
  [['--grep', 'a', '--grep', 'b'], /--grep was given twice/],
  [['--reports-dir='], /--reports-dir needs a non-empty value/],
];

for (const [argv, message] of bad) {
  test(`run ${argv.join(' ')} is a usage error`, () => {
    assert.throws(
      () => parse(argv),
      (err: unknown) => {
        assert.ok(err instanceof HarnessError);
        assert.equal(err.code, 'usage');
        assert.match(err.toLine(), message);
        assert.match(err.toLine(), /^pieces-conformance: usage error: /);
        assert.doesNotMatch(err.toLine(), /\n/);
        return true;
      },
    );
  });
}

// flag values that are not valid settings: the settings' parser names the flag, the value and what is accepted
const badValues: Array<[string[], RegExp]> = [
  [
    ['--target', 'localhost:39300'],
    /--target "localhost:39300" is invalid \(accepted: an http\(s\) base URL .*or auto/,
  ],
  [['--target', 'ftp://x'], /--target "ftp:\/\/x" is invalid/],
  [['--shard', '3/2'], /--shard "3\/2" is invalid \(accepted: i\/n with 1 <= i <= n/],
  [['--shard', '0/2'], /--shard "0\/2" is invalid/],
  [['--shard', 'half'], /--shard "half" is invalid/],
];
for (const [argv, message] of badValues) {
  test(`run flag value ${argv.join(' ')} is refused`, () => {
    assert.throws(
      () => parseArgs('run', argv, run.options),
      (err: unknown) => err instanceof HarnessError && err.code === 'usage' && message.test(err.toLine()),
    );
  });
}

// whole command lines through main(): exit 2 and exactly one line on stderr, no stack
const cliErrors: Array<[string[], RegExp]> = [
  [['run', '--bogus'], /^pieces-conformance: usage error: unknown option --bogus/],
  [['run', 'contract'], /run takes no positional arguments, got "contract" \(did you mean --grep\?\)/],
  [['clean', 'x'], /clean takes no positional arguments, got "x" \(see: pieces-conformance clean --help\)/],
  [['frobnicate'], /unknown command "frobnicate".*commands: run, replay, emulator, merge/],
  [
    ['run', '--target', 'auto', '--fault', 'gone-as-404'],
    /work only with the embedded emulator, but a target is set by --target/,
  ],
  [['run', '--fc-path', '1:2'], /--fc-path\) needs its seed/],
  [['merge'], /merge needs the shard report directories/],
];
for (const [argv, line] of cliErrors) {
  test(`pieces-conformance ${argv.join(' ')} exits 2 with one line`, async () => {
    const io = captureIO();
    const code = await main(argv, io);
    assert.equal(code, 2);
    assert.equal(io.errLines.length, 1, io.errLines.join('\n'));
    assert.match(io.errLines[0], line);
    assert.doesNotMatch(io.errLines[0], /\s+at\s+\S+:\d+/); // no stack frame
  });
}

test('every option of every command has a description', async () => {
  const { commands } = await import('../../../src/cli/commands/index.js');
  for (const c of commands) {
    assert.ok(c.summary.length > 10, `${c.name} has a summary`);
    for (const o of c.options) assert.ok(o.description.length > 10, `${c.name} --${o.name} has a description`);
  }
});

test('--help lists every command and the exit codes; run --help lists every option', async () => {
  const io = captureIO();
  assert.equal(await main(['--help'], io), 0);
  const text = io.outLines.join('\n');
  for (const word of [
    'run',
    'emulator',
    'merge',
    '0  every test conformant',
    '1  conformance failures',
    '2  harness or usage error',
  ]) {
    assert.ok(text.includes(word), word);
  }
  const io2 = captureIO();
  assert.equal(await main(['run', '--help'], io2), 0);
  const help = io2.outLines.join('\n');
  for (const o of run.options) assert.ok(help.includes(`--${o.name}`), `--${o.name} in run --help`);
});
