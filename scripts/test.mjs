#!/usr/bin/env node
// The project's own test command (`npm test`): the type check, the unit and end-to-end tests
// (node's test runner, through tsx), then the conformance suites against the embedded emulator
// (Playwright). It ends with one line `N passed, N failed` summed over all three, and exits
// non-zero when anything failed. `node scripts/test.mjs types|unit|suite` runs one part.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, readFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, 'reports');
mkdirSync(reports, { recursive: true });

/** Every *.test.ts below dir, sorted (node 20's --test takes no globs). */
function testFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...testFiles(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out.sort();
}

let passed = 0;
let failed = 0;
let skipped = 0;
const only = process.argv[2]; // 'types' | 'unit' | 'suite' | undefined (all three)

/** One "test" that passes when the node script `bin` (a path under node_modules) exits 0 with `args`. */
function gate(label, bin, args, hint = '') {
  const r = spawnSync(process.execPath, [join(root, 'node_modules', ...bin), ...args], { stdio: 'inherit', cwd: root });
  if (r.status === 0) passed += 1;
  else failed += 1;
  console.log(r.status === 0 ? `✔ ${label}` : `✖ ${label}${hint}`);
}

if (only === undefined || only === 'types') {
  // The type check first, then the formatter and linter (Biome, configured in biome.json): it
  // passes when `biome check` finds nothing to format and no lint error.
  gate('typecheck (tsc --noEmit)', ['typescript', 'bin', 'tsc'], ['-p', root, '--noEmit']);
  gate(
    'format and lint (biome check)',
    ['@biomejs', 'biome', 'bin', 'biome'],
    ['check', root],
    ': `npm run format` fixes formatting',
  );
}

if (only === undefined || only === 'unit') {
  // Unit tests, then the CLI's end-to-end tests (real bin, embedded emulator, headless Chromium).
  const files = [...testFiles(join(root, 'tests', 'unit')), ...testFiles(join(root, 'tests', 'e2e'))];
  const tap = join(reports, 'unit.tap');
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=2',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    { stdio: 'inherit', cwd: root },
  );
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (k) => Number((text.match(new RegExp(`^# ${k} (\\d+)`, 'm')) ?? [])[1] ?? 0);
  passed += count('pass');
  failed += count('fail') + count('cancelled');
  skipped += count('skipped') + count('todo');
  if (r.status !== 0 && count('fail') + count('cancelled') === 0) failed += 1; // runner itself broke
}

if ((only === undefined || only === 'suite') && existsSync(join(root, 'playwright.config.ts'))) {
  const json = join(reports, 'suite-results.json');
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '--reporter=list,json'],
    { stdio: 'inherit', cwd: root, env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: json } },
  );
  let stats;
  try {
    stats = JSON.parse(readFileSync(json, 'utf8')).stats;
  } catch {
    stats = undefined;
  }
  if (stats) {
    passed += stats.expected + (stats.flaky ?? 0);
    failed += stats.unexpected;
    skipped += stats.skipped;
  }
  if (r.status !== 0 && (!stats || stats.unexpected === 0)) failed += 1; // runner itself broke
}

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
