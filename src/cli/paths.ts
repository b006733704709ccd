/** Where things are: the repository root (where playwright.config.ts lives) and the tools in it. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: two levels above this file (src/cli/paths.ts). */
export function repoRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
}

/** The Playwright test runner's CLI script (spawned with `node`, no shell, no npx). */
export function playwrightCli(root = repoRoot()): string {
  return join(root, 'node_modules', '@playwright', 'test', 'cli.js');
}

/** The Allure 3 CLI script. */
export function allureCli(root = repoRoot()): string {
  return join(root, 'node_modules', 'allure', 'cli.js');
}

/** The emulator's bin (spawned as a child process: src/ never imports emulator/). */
export function emulatorBin(root = repoRoot()): string {
  return join(root, 'bin', 'pieces-os-emulator.mjs');
}
