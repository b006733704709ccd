/**
 * An interrupted run, for the live-safety e2e: a contract run against a target, killed (with its
 * workers) while its ledger holds a created asset not yet removed, so what it leaves is there for
 * the next run or `clean` to sweep.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { findLedgers } from '../../src/ledger/index.js';
import { ROOT } from './helpers.js';

/**
 * Starts a contract run against `target` and kills it while its ledger holds a leftover. A test may
 * remove its asset between the look and the kill: then the attempt left nothing behind, its ledger
 * is dropped and the run is started again (three attempts).
 */
export async function interruptedRun(target: string, env: NodeJS.ProcessEnv, reportsDir: string): Promise<void> {
  const ledgers = () => findLedgers(target, { ...process.env, ...env });
  for (let attempt = 1; ; attempt++) {
    await killedRun(target, env, reportsDir, ledgers);
    if (ledgers().some((l) => l.state.leftovers.length > 0)) return;
    assert.ok(attempt < 3, 'three interrupted runs each removed their assets before the kill');
    for (const l of ledgers()) rmSync(l.file, { force: true });
  }
}

/** One run of the contract suite's @Assets tests, killed once its ledger holds a leftover. */
async function killedRun(
  target: string,
  env: NodeJS.ProcessEnv,
  reportsDir: string,
  ledgers: () => ReturnType<typeof findLedgers>,
): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'bin', 'pieces-conformance.mjs'),
      'run',
      '--target',
      target,
      '--suite',
      'contract',
      '--grep',
      '@Assets',
      '--no-html',
    ],
    {
      cwd: ROOT,
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, ...env, PIECES_REPORTS_DIR: reportsDir, FORCE_COLOR: '0' },
    },
  );
  const exited = new Promise((r) => child.on('exit', r));
  const deadline = Date.now() + 180_000;
  while (!ledgers().some((l) => l.state.leftovers.some((x) => x.kind === 'asset'))) {
    assert.ok(Date.now() < deadline, 'the run recorded a created asset in its ledger within 180 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  process.kill(-child.pid!, 'SIGKILL');
  await exited;
  // The run's workers die with it, but may take a moment to be gone (or reaped): until then the
  // ledger's run counts as still going, and clean rightly leaves it alone.
  const gone = Date.now() + 30_000;
  while (ledgers().some((l) => l.running)) {
    assert.ok(Date.now() < gone, "the interrupted run's processes ended within 30 s");
    await new Promise((r) => setTimeout(r, 100));
  }
}
