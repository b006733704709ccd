/**
 * A drift check: the seeded scenario against the reference (the emulator, spawned, unless a
 * reference URL is given) and against the target, one after the other, then compared.
 */
import { HarnessError } from '../core/errors.js';
import type { LoadedSpec } from '../contract/types.js';
import { probeHealth } from '../target/probe.js';
import { compareRuns } from './compare.js';
import { spawnEmulator } from './emulator.js';
import { writeDriftReports, type DriftResult } from './driftReport.js';
import { runScenario, type ScenarioOptions } from './scenario.js';

/** How a drift check runs. */
export interface DriftOptions extends Omit<ScenarioOptions, 'spec'> {
  spec: LoadedSpec;
  target: string;
  /** A running reference; default: spawn the emulator. */
  reference?: string;
  root: string;
  env: NodeJS.ProcessEnv;
  reportsDir: string;
}

async function versionOf(url: string): Promise<string | undefined> {
  try {
    const res = await fetch(new URL('/.well-known/version', url), { signal: AbortSignal.timeout(3000) });
    const text = (await res.text()).trim();
    return res.ok && text.length < 64 ? text : undefined;
  } catch {
    return undefined;
  }
}

/** Probes a side's health; a side that does not answer at all is a harness error naming it (any answer is a fact to compare). */
async function reachable(url: string, side: string): Promise<void> {
  const r = await probeHealth(url, 5000);
  if (r.status !== undefined) return;
  throw new HarnessError(
    'target',
    `the ${side} at ${url} is not reachable (GET /.well-known/health: ${r.detail})`,
    side === 'target'
      ? 'start it, or fix --target'
      : 'start it, fix --reference, or leave --reference out to spawn the emulator',
  );
}

/** Runs both sides, compares them, writes the reports. */
export async function runDrift(o: DriftOptions): Promise<DriftResult & { files: { md: string; json: string } }> {
  const t0 = Date.now();
  const target = o.target.replace(/\/+$/, '');
  await reachable(target, 'target');
  const spawned = o.reference ? undefined : await spawnEmulator(o.root, o.env);
  try {
    const referenceUrl = (o.reference ?? spawned!.url).replace(/\/+$/, '');
    if (o.reference) await reachable(referenceUrl, 'reference');
    const scenario = {
      spec: o.spec,
      timeoutMs: o.timeoutMs,
      streamTimeoutMs: o.streamTimeoutMs,
      streamIdleMs: o.streamIdleMs,
      readonly: o.readonly,
    };
    const referenceRun = await runScenario(referenceUrl, scenario);
    const targetRun = await runScenario(target, scenario);
    const result: DriftResult = {
      reference: {
        url: referenceUrl,
        kind: o.reference ? 'given reference' : 'emulator spawned for this check',
        version: await versionOf(referenceUrl),
      },
      target: { url: target, version: await versionOf(target) },
      drifts: compareRuns(referenceRun, targetRun),
      referenceRun,
      targetRun,
      durationMs: Date.now() - t0,
    };
    return { ...result, files: writeDriftReports(o.reportsDir, result) };
  } finally {
    await spawned?.stop();
  }
}
