/**
 * Distributed runs: two shards list disjoint halves whose union is the whole suite (every suite,
 * by `run --list`), and two shards of a small run against the emulator, merged by
 * `pieces-conformance merge`, give one set of reports holding every test (JSON, JUnit, Allure).
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli, scratch, removeScratch } from './helpers.js';

after(removeScratch);

/** The test ids of a `--list` output: `[project] › file:line:col › title path`. */
function listed(stdout: string): string[] {
  return stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^\[\w+\] › /.test(l));
}

const [all, first, second] = await Promise.all([
  cli(['run', '--list']),
  cli(['run', '--list', '--shard', '1/2']),
  cli(['run', '--list', '--shard', '2/2']),
]);

// Every run happens before any test is registered (the scratch directory lives until the end).
const dir = scratch('shards');
const shardArgs = (i: number) => [
  'run',
  '--suite',
  'contract',
  '--grep',
  '@WellKnown',
  '--shard',
  `${i}/2`,
  '--no-html',
  '--reports-dir',
  join(dir, `shard-${i}`),
];
const shards = await Promise.all([cli(shardArgs(1)), cli(shardArgs(2))]);
const merged = await cli(['merge', join(dir, 'shard-1'), join(dir, 'shard-2'), '--reports-dir', join(dir, 'merged')]);

test('two shards list disjoint halves whose union is the whole suite', () => {
  for (const r of [all, first, second]) assert.equal(r.code, 0, r.stdout + r.stderr);
  const whole = listed(all.stdout);
  const a = listed(first.stdout);
  const b = listed(second.stdout);
  assert.ok(whole.length >= 4, `the suite lists tests: ${whole.length}`);
  assert.ok(a.length > 0 && b.length > 0, 'both shards have work');
  assert.deepEqual(
    a.filter((t) => b.includes(t)),
    [],
    'no test in both shards',
  );
  assert.deepEqual([...a, ...b].sort(), [...whole].sort(), 'together they are the whole suite');
  // fullyParallel cuts shards by test (serial describe groups stay whole), so neither half is empty.
});

/** Titles of every test in a Playwright JSON report. */
function jsonTitles(file: string): string[] {
  const out: string[] = [];
  const walk = (s: any) => {
    for (const spec of s.specs ?? [])
      for (const t of spec.tests) out.push(`${t.projectName} ${spec.title} ${t.status}`);
    for (const c of s.suites ?? []) walk(c);
  };
  for (const s of JSON.parse(readFileSync(file, 'utf8')).suites) walk(s);
  return out.sort();
}

test('each shard runs its half against its own emulator and writes a blob report', () => {
  for (const [i, r] of shards.entries()) {
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const blob = join(dir, `shard-${i + 1}`, 'blob');
    assert.ok(
      readdirSync(blob).some((f) => f.endsWith('.zip')),
      `shard ${i + 1} blob zip`,
    );
  }
  const one = jsonTitles(join(dir, 'shard-1', 'results.json'));
  const two = jsonTitles(join(dir, 'shard-2', 'results.json'));
  assert.equal(one.length + two.length, 2);
  assert.deepEqual(
    one.filter((t) => two.includes(t)),
    [],
  );
});

test('the merged reports hold every test of both shards', () => {
  assert.equal(merged.code, 0, merged.stdout + merged.stderr);
  const out = join(dir, 'merged');
  const union = [
    ...jsonTitles(join(dir, 'shard-1', 'results.json')),
    ...jsonTitles(join(dir, 'shard-2', 'results.json')),
  ].sort();
  assert.deepEqual(jsonTitles(join(out, 'results.json')), union);
  const junit = readFileSync(join(out, 'junit.xml'), 'utf8');
  assert.match(junit, /<testsuites [^>]*tests="2"/);
  // Allure: both shards' results in one folder, one report generated over them.
  const results = readdirSync(join(out, 'allure-results')).filter((f) => f.endsWith('-result.json'));
  assert.equal(results.length, 2);
  assert.ok(existsSync(join(out, 'allure-report', 'index.html')));
  const summary = JSON.parse(readFileSync(join(out, 'allure-report', 'summary.json'), 'utf8'));
  assert.equal(summary.stats.total, 2);
  const md = readFileSync(join(out, 'summary.md'), 'utf8');
  assert.match(md, /^# Pieces OS conformance: ✅ PASS/);
  assert.match(md, /\| 2 \| 2 \| 0 \| 0 \| 0 \|/);
  assert.match(md, /\*\*Shards:\*\* 2/);
});
