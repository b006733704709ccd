/** A CommandIO that records what a command printed (for in-process CLI tests). */
import type { CommandIO } from '../../../src/cli/command.js';

/** Captured output plus the IO to hand to main(). */
export interface CapturedIO extends CommandIO {
  outLines: string[];
  errLines: string[];
}

/** An IO with a clean environment (no PIECES_* from the caller) and the given cwd. */
export function captureIO(opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CapturedIO {
  const outLines: string[] = [];
  const errLines: string[] = [];
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PIECES_')));
  return {
    outLines,
    errLines,
    out: (line) => outLines.push(...line.split('\n')),
    err: (line) => errLines.push(...line.split('\n')),
    cwd: opts.cwd ?? process.cwd(),
    env: { ...base, ...opts.env },
  };
}
