/**
 * A fresh emulator for the SDK smoke run when the report judges the embedded emulator (whose run
 * already ended): the emulator's bin as a child process (src/ never imports emulator/), in memory,
 * on a free port, stopped by its pid.
 */
import { spawn } from 'node:child_process';
import { HarnessError } from '../../core/errors.js';

/** A running emulator child. */
export interface EmulatorProcess {
  url: string;
  pid: number;
  /** Stops it (SIGTERM, SIGKILL after 3 s) and resolves when it has exited. */
  stop(): Promise<void>;
}

/** Starts `bin/pieces-os-emulator.mjs --port 0 --memory` and waits for its listening line. */
export function startEmulatorProcess(
  bin: string,
  opts: { cwd: string; env: NodeJS.ProcessEnv; args?: string[]; timeoutMs?: number },
): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, [bin, '--port', '0', '--memory', ...(opts.args ?? [])], {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop();
      reject(
        new HarnessError(
          'internal',
          `the emulator for the SDK smoke run did not start: ${why}`,
          'run npx pieces-os-emulator --port 0 to see why',
        ),
      );
    };
    const timer = setTimeout(
      () => fail(`no listening line within ${(opts.timeoutMs ?? 30_000) / 1000} s`),
      opts.timeoutMs ?? 30_000,
    );
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const m = /listening on (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1].replace(/\/+$/, ''), pid: child.pid!, stop });
      }
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
    });
    child.once('error', (e) => fail(e.message));
    child.once('exit', (code, signal) => {
      if (!/listening on/.test(out))
        fail(`exited with ${code ?? signal}${err.trim() ? `: ${err.trim().split('\n').pop()}` : ''}`);
    });
  });
}
