/**
 * Loading the official TypeScript SDK. It is a dev dependency of this package, so `src/` never
 * imports it statically: a dynamic `import()` here, and one clear HarnessError when it is missing.
 */
import { createRequire } from 'node:module';
import { HarnessError } from '../../core/errors.js';

/** The SDK's npm name. */
export const SDK_PACKAGE = '@pieces.app/pieces-os-client';

/**
 * The part of the SDK module the smoke run uses: API classes constructed with a Configuration
 * (typed loosely on purpose: the SDK's own types belong to a dev dependency).
 */
export type SdkModule = Record<string, any> & { Configuration: new (params: Record<string, unknown>) => unknown };

/** A loaded SDK and its version. */
export interface LoadedSdk {
  sdk: SdkModule;
  /** The installed version (its package.json), e.g. `4.1.0`. */
  version: string;
  name: string;
}

/** Imports the SDK; a missing or broken install is a HarnessError that says how to fix it. */
export async function loadSdk(name: string = SDK_PACKAGE): Promise<LoadedSdk> {
  let mod: any;
  try {
    mod = await import(name);
  } catch (err: any) {
    throw new HarnessError(
      'config',
      `the official TypeScript SDK ${name} could not be loaded (${String(err?.message ?? err).split('\n')[0]})`,
      `install the dev dependencies (npm ci), or leave the SDK row out with --no-sdk`,
    );
  }
  const sdk = (typeof mod?.Configuration === 'function' ? mod : mod?.default) as SdkModule | undefined;
  if (!sdk || typeof sdk.Configuration !== 'function') {
    throw new HarnessError(
      'config',
      `${name} does not export Configuration: not the typescript-fetch SDK the smoke run drives`,
    );
  }
  let version = 'unknown';
  try {
    version = String(createRequire(import.meta.url)(`${name}/package.json`).version);
  } catch {
    /* a package without a readable package.json still runs */
  }
  return { sdk, version, name };
}
