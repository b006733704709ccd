/**
 * Harness errors through the real bin: an unreachable target is exit 2 within 10 s with one line
 * naming the URL and the fix (checked before Playwright starts); a bad config file and an unknown
 * fault switch are exit 2 with one line too. Never a stack trace.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, scratch, removeScratch } from './helpers.js';

after(removeScratch);

/** A loopback port nobody listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** The stderr lines that are not blank. */
const errLines = (stderr: string) => stderr.split('\n').filter((l) => l.trim() !== '');

const port = await closedPort();
const reports = scratch('unreachable');

const dir = scratch('badconfig');
writeFileSync(join(dir, 'conf.json'), JSON.stringify({ validation: 'strict', timeoutMS: 5000 }));
const cases: Array<[string, string[], RegExp]> = [
  [
    'a config file with a misspelt key',
    ['run', '--config', join(dir, 'conf.json')],
    /^pieces-conformance: config error: .*conf\.json: unknown key "timeoutMS" \(did you mean "timeoutMs"\? known keys: .*timeoutMs/,
  ],
  [
    'an unknown fault switch',
    ['run', '--fault', 'no-such-fault'],
    /^pieces-conformance: usage error: unknown fault switch: no-such-fault \(list them with: pieces-conformance emulator --list-faults\)$/,
  ],
  [
    'a bad flag value',
    ['run', '--shard', '3/2'],
    /^pieces-conformance: usage error: --shard "3\/2" is invalid \(accepted: i\/n with 1 <= i <= n/,
  ],
];
// Every run happens before any test is registered (the scratch directories live until the end).
// The unreachable target runs alone, so its time is the CLI's, not the machine's load.
const unreachable = await cli(['run', '--target', `http://127.0.0.1:${port}`, '--reports-dir', reports]);
const runs = await Promise.all(cases.map(([, argv]) => cli(argv)));

test('an unreachable target: exit 2 in at most 10 s, one line naming the URL and the fix', () => {
  assert.equal(unreachable.code, 2, unreachable.stdout + unreachable.stderr);
  assert.ok(unreachable.ms <= 10_000, `took ${unreachable.ms} ms`);
  const lines = errLines(unreachable.stderr);
  assert.equal(lines.length, 1, unreachable.stderr);
  assert.match(
    lines[0],
    new RegExp(`^pieces-conformance: target error: no healthy Pieces OS at http://127\\.0\\.0\\.1:${port} `),
  );
  assert.match(lines[0], /start Pieces OS .*--target/);
  assert.doesNotMatch(unreachable.stdout, /Running \d+ tests?/, 'Playwright never started');
});

cases.forEach(([name, , line], i) => {
  test(`${name}: exit 2 with one line`, () => {
    const r = runs[i];
    assert.equal(r.code, 2, r.stdout + r.stderr);
    const lines = errLines(r.stderr);
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], line);
  });
});
