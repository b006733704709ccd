/**
 * Global setup: validate the configuration and the contract, resolve the target (start the
 * embedded emulator, probe the given URL, or discover one) and hand it to the workers through the
 * environment. Any harness problem ends the run here with one line, before a single test runs.
 */
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import type { FullConfig } from '@playwright/test';
import { HarnessError } from '../src/core/errors.js';
import { loadRunContracts } from './fixtures/specCache.js';
import { describeContract } from '../src/contract/choice.js';
import { buildValidators } from '../src/validate/validators.js';
import { clearParts } from '../src/coverage/parts.js';
import { clearHarParts } from '../src/report/har/index.js';
import { exportTarget, readConfig, readVersion, resolveLiveTarget, type Target } from '../src/target/index.js';
import { startEmbeddedEmulator } from './fixtures/emulator.js';
import { embeddedEmulatorPolicy, securityModeFor } from '../src/security/index.js';
import { REPORT_PATHS } from './fixtures/paths.js';
import { readPropertyConfig } from '../src/property/config.js';
import { HANDOFF_ENV, readSettings, unknownVariableWarnings } from '../src/settings/index.js';
import { beginLiveRun } from './fixtures/liveRun.js';

/** Where a harness error is left for the CLI (exit code 2) and the summary. */
export const HARNESS_ERROR_FILE = REPORT_PATHS.harnessError;
/** The target the run resolved (url, kind, version), read by the CLI for the report's environment block. */
export const TARGET_FILE = REPORT_PATHS.target;

export default async function globalSetup(config: FullConfig): Promise<(() => Promise<void>) | void> {
  mkdirSync(REPORT_PATHS.dir, { recursive: true });
  rmSync(HARNESS_ERROR_FILE, { force: true });
  rmSync(TARGET_FILE, { force: true });
  for (const warning of unknownVariableWarnings(process.env)) console.warn(warning);
  let stop: (() => Promise<void>) | undefined;
  try {
    const settings = readSettings(); // a bad PIECES_* value ends the run here, in one line
    // A shard (or a CLI that merges shards) keeps the other shards' parts; a whole run starts clean.
    if (!config.shard && !settings.keepCoverageParts) {
      clearParts(REPORT_PATHS.coverageParts);
      // The exchange log (the exchangeLog setting) holds this run's exchanges only.
      rmSync(REPORT_PATHS.exchanges, { recursive: true, force: true });
      // The run's HAR: every worker's part of it, joined by the teardown into reports/exchanges.har.
      clearHarParts(REPORT_PATHS.dir);
      // allure-playwright never clears its results: a whole run starts from an empty directory.
      rmSync(REPORT_PATHS.allureResults, { recursive: true, force: true });
    }
    const suite = readConfig();
    readPropertyConfig(); // a bad PIECES_FC_* value ends the run here, not in every property test
    const { judging: spec, choice } = await loadRunContracts();
    buildValidators(spec, suite.validation); // compiles every schema: a broken contract fails here
    const contract = describeContract(choice, spec);
    let target: Target;
    if (suite.baseUrl) {
      if (suite.emulatorProfile !== 'instant')
        throw new HarnessError(
          'config',
          `PIECES_EMULATOR_PROFILE=${suite.emulatorProfile} needs the embedded emulator`,
          'unset PIECES_BASE_URL to use it, or start `pieces-os-emulator --profile realistic` and target it',
        );
      if (suite.faults.length)
        throw new HarnessError(
          'config',
          'PIECES_EMULATOR_FAULTS needs the embedded emulator',
          'unset PIECES_BASE_URL to use it',
        );
      target = await resolveLiveTarget(suite);
    } else {
      const emu = await startEmbeddedEmulator(
        suite.faults,
        embeddedEmulatorPolicy(securityModeFor(settings.security, 'emulator')),
        suite.emulatorProfile,
      );
      stop = emu.close;
      target = { url: emu.url, kind: 'emulator', version: await readVersion(emu.url) };
    }
    exportTarget(target);
    await beginLiveRun(target, spec, suite);
    process.env[HANDOFF_ENV.contractVersion] = spec.version;
    // For the CLI's environment block (Allure, summary): the target this run resolved.
    writeFileSync(TARGET_FILE, `${JSON.stringify({ ...target, contractVersion: spec.version, contract }, null, 2)}\n`);
    const faults =
      (suite.emulatorProfile === 'instant' ? '' : `, ${suite.emulatorProfile} profile`) +
      (suite.faults.length ? ` with faults ${suite.faults.join(', ')}` : '');
    const security = securityModeFor(settings.security, target.kind);
    const policy = target.kind === 'emulator' ? ` (${embeddedEmulatorPolicy(security)} emulator policy)` : '';
    console.log(
      `pieces-conformance: target ${target.url} (${target.kind === 'emulator' ? `embedded emulator${faults}` : 'live'}, version ${target.version ?? 'unknown'}), contract ${contract}, ${suite.validation} validation, security ${security}${policy}${suite.readonly ? ', read-only' : ''}`,
    );
  } catch (err) {
    await stop?.();
    throw oneLine(err);
  }
  return stop;
}

/** A harness error as an Error whose message and stack are its one line (no stack wall), also left on disk. */
function oneLine(err: unknown): Error {
  const h =
    err instanceof HarnessError
      ? err
      : new HarnessError('internal', String((err as any)?.message ?? err).split('\n')[0]);
  writeFileSync(
    HARNESS_ERROR_FILE,
    `${JSON.stringify({ code: h.code, message: h.message, hint: h.hint, line: h.toLine() }, null, 2)}\n`,
  );
  const e = new Error(h.toLine());
  e.stack = h.toLine();
  return e;
}
