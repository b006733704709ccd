/**
 * The package as a user gets it: `npm pack` (which builds dist/ through `prepack`), the tarball
 * installed with `npm i` into an empty temporary folder, then `npx pieces-conformance run` against
 * the embedded emulator and `--target` against an emulator started from the installed package's own
 * bin, with their exit codes and reports; the library entry is imported by name. Nothing from the
 * checkout is reachable from the installed package, and no tsx is installed.
 *
 * To keep it fast and offline-friendly, the folder's node_modules is first seeded with hard links
 * of the checkout's installed dependencies (npm keeps those that satisfy the package and removes
 * the rest), so `npm i` compiles nothing and fetches nothing it already has.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, removeScratch, scratch } from './helpers.js';

after(removeScratch);

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

let project = '';
let tarball = '';
let packed: string[] = [];

/** The caller's environment without npm's and the harness's own variables (a user's clean shell). */
function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !k.startsWith('npm_') && !k.startsWith('PIECES_') && !k.startsWith('PLAYWRIGHT_'),
    ),
  );
}

/** Runs a command to its end; its output is kept for the assertion messages. */
function run(cmd: string, args: string[], cwd: string): Promise<{ code: number | null; out: string }> {
  const child = spawn(cmd, args, { cwd, env: { ...userEnv(), FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => {
    out += c;
  });
  child.stderr.setEncoding('utf8').on('data', (c: string) => {
    out += c;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out })));
}

before(
  async () => {
    const dest = scratch('pack');
    const pack = await run(NPM, ['pack', '--pack-destination', dest, '--no-audit', '--no-fund'], ROOT);
    assert.equal(pack.code, 0, pack.out);
    const name = readdirSync(dest).find((f) => f.endsWith('.tgz'));
    assert.ok(name, `npm pack wrote no tarball\n${pack.out}`);
    tarball = join(dest, name);
    const list = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
    packed = list.stdout
      .split('\n')
      .filter(Boolean)
      .map((p) => p.replace(/^package\//, ''));

    project = scratch('project');
    writeFileSync(join(project, 'package.json'), '{ "name": "uses-pieces-conformance", "private": true }\n');
    const modules = realpathSync(join(ROOT, 'node_modules'));
    const linked = spawnSync('cp', ['-al', modules, join(project, 'node_modules')]);
    if (linked.status !== 0) cpSync(modules, join(project, 'node_modules'), { recursive: true });
    const install = await run(NPM, ['i', '-D', tarball, '--prefer-offline', '--no-audit', '--no-fund'], project);
    assert.equal(install.code, 0, install.out);
  },
  { timeout: 300_000 },
);

test('the tarball holds the compiled harness, its contract and its suites, and no tests, reports or TypeScript sources', () => {
  for (const must of [
    'package.json',
    'README.md',
    'bin/pieces-conformance.mjs',
    'bin/pieces-os-emulator.mjs',
    'dist/src/index.js',
    'dist/src/index.d.ts',
    'dist/src/cli/main.js',
    'dist/emulator/cli.js',
    'dist/playwright.config.js',
    'dist/tests/contract/assets.spec.js',
    'dist/tests/stream/answers.spec.js',
    'dist/tests/property/stateful.spec.js',
    'dist/spec/pieces-os.openapi.yaml',
    'dist/spec/pieces-os.asyncapi.yaml',
    'dist/spec/versions/index.yaml',
    'dist/allurerc.mjs',
  ])
    assert.ok(packed.includes(must), `${must} is in the tarball`);
  const unwanted = packed.filter(
    (p) =>
      /(^|\/)(unit|e2e|reports|bench|scripts)\//.test(p) ||
      /\.test\.[cm]?[jt]s$/.test(p) ||
      (p.endsWith('.ts') && !p.endsWith('.d.ts')),
  );
  assert.deepEqual(unwanted, []);
});

test('the installed package runs with plain node: no tsx is installed and it ships no TypeScript sources', () => {
  const mod = join(project, 'node_modules');
  assert.equal(existsSync(join(mod, 'tsx')), false, 'tsx is not among the installed packages');
  assert.equal(existsSync(join(mod, 'pieces-os-conformance', 'src')), false);
  const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
  assert.match(pkg.devDependencies['pieces-os-conformance'], /\.tgz$/);
});

test(
  'npx pieces-conformance run tests the embedded emulator and writes the reports (exit 0)',
  { timeout: 240_000 },
  async () => {
    const r = await run(
      NPX,
      ['--no', 'pieces-conformance', 'run', '--suite', 'contract', '--grep', '@Assets'],
      project,
    );
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /embedded emulator/);
    assert.match(r.out, /\b[1-9]\d* passed, 0 failed/);
    for (const f of ['summary.md', 'junit.xml', 'results.json', 'coverage.md', 'allure-report/index.html'])
      assert.ok(existsSync(join(project, 'reports', f)), `reports/${f} is written in the project`);
    assert.match(readFileSync(join(project, 'reports', 'junit.xml'), 'utf8'), /failures="0"/);
  },
);

test(
  'npx pieces-conformance run --target judges an emulator started from the installed bin; a planted bug is exit 1, no target exit 2',
  { timeout: 240_000 },
  async () => {
    const emulator = spawn(join(project, 'node_modules', '.bin', 'pieces-os-emulator'), ['--port', '0', '--memory'], {
      cwd: project,
      env: userEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        emulator.stdout.setEncoding('utf8').on('data', (c: string) => {
          out += c;
          const m = out.match(/listening on (http:\/\/\S+)/);
          if (m) resolve(m[1].replace(/\/+$/, ''));
        });
        emulator.on('close', (code) => reject(new Error(`pieces-os-emulator ended (${code}): ${out}`)));
      });
      // Listening comes before the first answer (the contract loads meanwhile, slowly on a busy
      // machine): wait for its health as a pipeline's start step would, up to a minute.
      const ready = Date.now() + 60_000;
      for (;;) {
        const ok = await fetch(`${url}/.well-known/health`, { signal: AbortSignal.timeout(5_000) }).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) break;
        assert.ok(Date.now() < ready, `the installed emulator at ${url} did not answer its health within a minute`);
        await new Promise((r) => setTimeout(r, 250));
      }
      const live = await run(
        NPX,
        [
          '--no',
          'pieces-conformance',
          'run',
          '--target',
          url,
          '--suite',
          'contract',
          '--grep',
          '@Models',
          '--no-html',
          '--reports-dir',
          'live',
        ],
        project,
      );
      assert.equal(live.code, 0, live.out);
      assert.match(readFileSync(join(project, 'live', 'summary.md'), 'utf8'), new RegExp(url.replace(/[.]/g, '\\.')));
    } finally {
      emulator.kill('SIGTERM');
    }
    const red = await run(
      NPX,
      [
        '--no',
        'pieces-conformance',
        'run',
        '--suite',
        'contract',
        '--grep',
        'is renamed and is deleted',
        '--fault',
        'delete-does-not-delete',
        '--no-html',
        '--reports-dir',
        'red',
      ],
      project,
    );
    assert.equal(red.code, 1, red.out);
    assert.match(red.out, /use_after_delete/);
    const none = await run(
      NPX,
      ['--no', 'pieces-conformance', 'run', '--target', 'http://127.0.0.1:9', '--reports-dir', 'none'],
      project,
    );
    assert.equal(none.code, 2, none.out);
    assert.match(none.out, /target error: no healthy Pieces OS at http:\/\/127\.0\.0\.1:9/);
  },
);

test("the library entry: buildValidators, checks and the bundled contract by the package's name", async () => {
  const script = [
    "import { buildValidators, checks, loadSpec, BUNDLED_CONTRACT } from 'pieces-os-conformance';",
    'const spec = await loadSpec(BUNDLED_CONTRACT);',
    "const validators = buildValidators(spec, 'strict');",
    'console.log(JSON.stringify({ version: spec.version, operations: spec.operations.size, checks: typeof checks, validators: typeof validators }));',
  ].join('\n');
  writeFileSync(join(project, 'use-library.mjs'), script);
  const r = await run(process.execPath, ['use-library.mjs'], project);
  assert.equal(r.code, 0, r.out);
  const seen = JSON.parse(r.out.trim().split('\n').pop()!);
  assert.match(seen.version, /^\d+\.\d+\.\d+/);
  assert.ok(seen.operations >= 28);
  assert.equal(seen.checks, 'object');
  assert.equal(seen.validators, 'object');
});
