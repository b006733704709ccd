/**
 * Handing the resolved target from Playwright's global setup to its workers: the runner process
 * sets these variables, and workers inherit them.
 */
import { HarnessError } from '../core/errors.js';
import type { Target } from './resolve.js';

/** The variables that carry a resolved target. */
export const TARGET_ENV = {
  url: 'PIECES_TARGET_URL',
  kind: 'PIECES_TARGET_KIND',
  version: 'PIECES_TARGET_VERSION',
} as const;

/** Writes a target into an environment. */
export function exportTarget(target: Target, env: NodeJS.ProcessEnv = process.env): void {
  env[TARGET_ENV.url] = target.url;
  env[TARGET_ENV.kind] = target.kind;
  if (target.version) env[TARGET_ENV.version] = target.version;
  else delete env[TARGET_ENV.version];
}

/** The target global setup resolved; a missing one is a usage error (the suite was started without its config). */
export function importTarget(env: NodeJS.ProcessEnv = process.env): Target {
  const url = env[TARGET_ENV.url];
  if (!url)
    throw new HarnessError(
      'usage',
      'no target was resolved for this worker',
      'run the suite through playwright.config.ts (its globalSetup resolves the target)',
    );
  const kind = env[TARGET_ENV.kind] === 'emulator' ? 'emulator' : 'live';
  return { url, kind, version: env[TARGET_ENV.version] };
}
