/**
 * Where things are. The harness root holds playwright.config, spec/, the suites and the emulator:
 * the checkout itself (TypeScript run through tsx), or the package's dist/ (compiled, as
 * installed by npm; dist/ mirrors the checkout). Tools are resolved the way node resolves the
 * harness's own imports, so they are found wherever npm placed them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** The harness root: two levels above this file (src/process/tools.ts, or dist/src/process/tools.js). */
export function repoRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

/** The package's own package.json (name, version): the harness root's, or the one above dist/. */
export function packageJson(root = repoRoot()): { name: string; version: string } {
  for (const dir of [root, resolve(root, '..')]) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8'));
      if (pkg.name === 'pieces-os-conformance') return pkg;
    }
  }
  return { name: 'pieces-os-conformance', version: 'unknown' };
}

/** The Playwright test runner's CLI script (spawned with `node`, no shell, no npx). */
export function playwrightCli(): string {
  return require.resolve('@playwright/test/cli');
}

/** The Allure 3 CLI script. */
export function allureCli(): string {
  return join(dirname(require.resolve('allure')), '..', 'cli.js');
}

/**
 * The emulator's entry point (spawned as a child process: src/ never imports emulator/): the
 * compiled emulator/cli.js in the package, the bin (which loads the TypeScript) in a checkout.
 */
export function emulatorBin(root = repoRoot()): string {
  const compiled = join(root, 'emulator', 'cli.js');
  return existsSync(compiled) ? compiled : join(root, 'bin', 'pieces-os-emulator.mjs');
}
