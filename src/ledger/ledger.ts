/**
 * The run ledger: a file per run under the target's ledger folder (paths.ts), appended line by
 * line as the run creates things, so that an interrupted run's leftovers — and only those — can be
 * removed by the next run or by `pieces-conformance clean`. Workers of one run share the file
 * (each line is one small append). A finished run removes its own ledger.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { HarnessError } from '../core/errors.js';
import { processAlive } from '../process/alive.js';
import { parseLedger, type LedgerKind, type LedgerLine, type LedgerState, type ModelStateLine } from './entries.js';
import { targetLedgerDir } from './paths.js';

/** A run's ledger file, opened for appending. */
export class RunLedger {
  constructor(readonly file: string) {}

  /** Starts a new ledger for a run against `target` (its folder created), with the header line. */
  static start(target: string, env: NodeJS.ProcessEnv = process.env): RunLedger {
    const dir = targetLedgerDir(target, env);
    const run = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
    const file = join(dir, `${run}.jsonl`);
    try {
      mkdirSync(dir, { recursive: true });
      const header: LedgerLine = {
        type: 'run',
        run,
        target,
        pid: process.pid,
        host: hostname(),
        started: new Date().toISOString(),
      };
      writeFileSync(file, `${JSON.stringify(header)}\n`, { flag: 'wx' });
    } catch (err: any) {
      throw new HarnessError(
        'config',
        `the run ledger could not be written in ${dir}: ${String(err?.message ?? err)}`,
        'set PIECES_LEDGER_DIR to a writable folder',
      );
    }
    return new RunLedger(file);
  }

  private append(line: LedgerLine): void {
    appendFileSync(this.file, `${JSON.stringify(line)}\n`);
  }

  /** Records a marked name the run is about to create something under (before the request). */
  creating(kind: 'asset' | 'conversation', name: string): void {
    this.append({ type: 'creating', kind, name, at: new Date().toISOString() });
  }

  /** Records something the run created (before anything else can go wrong). */
  created(kind: LedgerKind, id: string): void {
    this.append({ type: 'created', kind, id, at: new Date().toISOString() });
  }

  /** Records that the run removed it again. */
  removed(kind: LedgerKind, id: string): void {
    this.append({ type: 'removed', kind, id, at: new Date().toISOString() });
  }

  /** Records the models' state before the run. */
  models(models: Array<Omit<ModelStateLine, 'type'>>): void {
    for (const m of models) this.append({ type: 'model', ...m });
  }

  /** What the ledger holds now. */
  read(): LedgerState {
    return parseLedger(readFileSync(this.file, 'utf8'));
  }

  /** Removes the file (the run's leftovers are gone). */
  close(): void {
    rmSync(this.file, { force: true });
  }
}

/** One ledger found on disk, with whether its run is still going. */
export interface FoundLedger {
  file: string;
  state: LedgerState;
  /** True when the run that wrote it is still running on this machine (its process is alive). */
  running: boolean;
}

/** Every ledger of runs against `target` (except `exceptFile`), oldest first. */
export function findLedgers(target: string, env: NodeJS.ProcessEnv = process.env, exceptFile?: string): FoundLedger[] {
  const dir = targetLedgerDir(target, env);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(dir, f))
    .filter((file) => file !== exceptFile)
    .map((file) => {
      const state = parseLedger(readFileSync(file, 'utf8'));
      const h = state.header;
      const running = !!h && h.host === hostname() && h.pid !== process.pid && processAlive(h.pid);
      return { file, state, running };
    });
}
