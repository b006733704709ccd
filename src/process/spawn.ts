/**
 * Child processes (Playwright, Allure, the emulator, the CLI itself for self-tests): no shell, output streamed through
 * as it comes (progress stays visible), signals passed on so Ctrl-C or a CI cancel stops the whole
 * run cleanly (the child's own teardown runs: emulator closed, created data removed).
 */
import { spawn } from 'node:child_process';
import type { StdioOptions } from 'node:child_process';
import { HarnessError } from '../core/errors.js';

/** How a child ended. */
export interface ChildResult {
  /** Exit code, or null when a signal ended it. */
  code: number | null;
  signal: NodeJS.Signals | null;
  durationMs: number;
  /** Captured output, when `capture` was set. */
  stdout: string;
  stderr: string;
}

/** Options of runChild. */
export interface ChildOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Collect stdout/stderr instead of (or as well as) passing them through. */
  capture?: boolean;
  /** With capture: also echo each chunk to these writers. */
  echo?: { out(chunk: string): void; err(chunk: string): void };
  /** Kill the child after this many ms (SIGTERM, then SIGKILL 3 s later). */
  timeoutMs?: number;
}

/** Runs `node script args...` and resolves when it exits. */
export function runNode(script: string, args: readonly string[], opts: ChildOptions): Promise<ChildResult> {
  return runChild(process.execPath, [script, ...args], opts);
}

/** Runs a program and resolves when it exits; a program that cannot start is a harness error. */
export function runChild(cmd: string, args: readonly string[], opts: ChildOptions): Promise<ChildResult> {
  const started = Date.now();
  const stdio: StdioOptions = opts.capture ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'];
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (c: string) => {
    stdout += c;
    opts.echo?.out(c);
  });
  child.stderr?.setEncoding('utf8').on('data', (c: string) => {
    stderr += c;
    opts.echo?.err(c);
  });
  const forward = (sig: NodeJS.Signals) => () => {
    child.kill(sig);
  };
  // Ctrl-C in a terminal already reaches the whole foreground process group, child included; a
  // second SIGINT would make Playwright skip its teardown (and a live target's cleanup). So SIGINT
  // is forwarded only when it cannot have come from a terminal; SIGTERM (CI cancel, kill) always.
  const onInt = process.stdin.isTTY ? () => {} : forward('SIGINT');
  const onTerm = forward('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  let timer: NodeJS.Timeout | undefined;
  if (opts.timeoutMs) {
    timer = setTimeout(() => {
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    }, opts.timeoutMs);
  }
  return new Promise((resolve, reject) => {
    child.on('error', (err) => {
      cleanup();
      reject(new HarnessError('internal', `could not start ${cmd} ${args[0] ?? ''}: ${err.message}`, 'run npm ci'));
    });
    child.on('close', (code, signal) => {
      cleanup();
      resolve({ code, signal, durationMs: Date.now() - started, stdout, stderr });
    });
  });
  function cleanup(): void {
    if (timer) clearTimeout(timer);
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }
}
