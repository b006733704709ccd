#!/usr/bin/env node
// Builds the package's compiled form (`npm pack` runs it as `prepack`): dist/ mirrors the checkout
// — dist/src (the library, with type declarations), dist/emulator, the conformance suites
// (dist/tests/contract, stream, property, fixtures, global setup and teardown) and
// dist/playwright.config.js, compiled by tsc (tsconfig.build.json) — plus the contract (dist/spec)
// and the Allure config, so that the installed package runs from dist/ with plain node, no tsx.
// The project's own tests (tests/unit, tests/e2e) are not compiled and not shipped.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');

rmSync(dist, { recursive: true, force: true });
const tsc = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')],
  { stdio: 'inherit', cwd: root },
);
if (tsc.status !== 0) {
  console.error('build: tsc -p tsconfig.build.json failed');
  process.exit(1);
}
cpSync(join(root, 'spec'), join(dist, 'spec'), { recursive: true });
cpSync(join(root, 'allurerc.mjs'), join(dist, 'allurerc.mjs'));
for (const must of ['src/index.js', 'src/index.d.ts', 'src/cli/main.js', 'emulator/cli.js', 'playwright.config.js']) {
  if (!existsSync(join(dist, must))) {
    console.error(`build: dist/${must} is missing`);
    process.exit(1);
  }
}
console.log('build: dist/ written (compiled JavaScript, type declarations, the contract)');
