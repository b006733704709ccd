/**
 * The reference side of a drift check: the emulator, spawned from its own bin (src/ never imports
 * emulator/), in memory on a free port; its URL is read from its first line.
 */
import { spawn } from 'node:child_process';
import { HarnessError } from '../core/errors.js';
import { emulatorBin } from '../process/tools.js';

/** A spawned emulator. */
export interface SpawnedEmulator {
  url: string;
  stop(): Promise<void>;
}

/** Spawns `pieces-os-emulator --port 0 --memory [--fault ...]` and waits for its listening line. */
export function spawnEmulator(
  root: string,
  env: NodeJS.ProcessEnv,
  extra: string[] = [],
  timeoutMs = 30_000,
): Promise<SpawnedEmulator> {
  const child = spawn(process.execPath, [emulatorBin(root), '--port', '0', '--memory', ...extra], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve();
        return;
      }
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(
        new HarnessError(
          'internal',
          `the emulator did not start within ${timeoutMs / 1000} s`,
          'try: npx pieces-os-emulator --port 0 --memory',
        ),
      );
    }, timeoutMs);
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      err += c;
    });
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const m = /pieces-os-emulator listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new HarnessError(
          'internal',
          `the emulator exited with ${code} before listening: ${err.trim().split('\n').pop() ?? ''}`,
        ),
      );
    });
  });
}
