/**
 * Simulated model downloads: asynchronous, paced by `downloadMs`, pushing ModelDownloadProgress
 * frames to whoever listens on /model/{model}/download/progress. The finished state is stored;
 * a download in flight is not (a restart interrupts it, as it would a real one).
 */
import type { FaultSet } from './faults/index.js';
import type { ModelStore } from './store/models.js';

/** One ModelDownloadProgress frame. */
export interface ProgressFrame {
  status: string;
  percentage?: number | null;
}

type Listener = (frame: ProgressFrame) => void;

interface Running {
  timer?: NodeJS.Timeout;
  step: number;
  last: ProgressFrame;
}

const STEPS = 10;

/** Runs, cancels and reports the downloads of one emulator. */
export class Downloads {
  private readonly running = new Map<string, Running>();
  private readonly listeners = new Map<string, Set<Listener>>();
  /** Counts starts and ends of downloads (the models' `downloading` flags change then). */
  version = 0;

  /** Uses the model store for the final state; `downloadMs` is the whole duration. */
  constructor(
    private readonly models: ModelStore,
    private readonly downloadMs: number,
    private readonly faults: FaultSet,
  ) {}

  /** Whether the model is downloading now. */
  isDownloading(id: string): boolean {
    return this.running.has(id);
  }

  /** The frame a new listener gets first: the latest one, or UNKNOWN when nothing runs. */
  current(id: string): ProgressFrame {
    return this.running.get(id)?.last ?? { status: 'UNKNOWN' };
  }

  /** Listens to a model's frames; answers the function that stops listening. */
  subscribe(id: string, fn: Listener): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(fn);
    return () => {
      set!.delete(fn);
    };
  }

  /** Starts a download (no-op when one runs). */
  start(id: string): void {
    if (this.running.has(id)) return;
    const run: Running = { step: 0, last: { status: 'INITIALIZED', percentage: 0 } };
    this.running.set(id, run);
    this.version++;
    this.emit(id, run.last);
    this.schedule(id, run);
  }

  /** Cancels a running download; false when none ran. */
  cancel(id: string): boolean {
    const run = this.running.get(id);
    if (!run) return false;
    clearTimeout(run.timer);
    this.running.delete(id);
    this.version++;
    this.emit(id, { status: 'CANCELED', percentage: run.last.percentage ?? 0 });
    return true;
  }

  /** Stops every timer (the emulator is closing). */
  close(): void {
    for (const run of this.running.values()) clearTimeout(run.timer);
    this.running.clear();
    this.listeners.clear();
  }

  private schedule(id: string, run: Running): void {
    run.timer = setTimeout(() => this.tick(id, run), Math.max(1, this.downloadMs / STEPS));
    run.timer.unref?.();
  }

  private tick(id: string, run: Running): void {
    if (this.running.get(id) !== run) return;
    run.step++;
    if (run.step >= STEPS) {
      if (this.faults.has('download-stalls')) return; // the planted bug: stuck at 90 %, forever
      this.running.delete(id);
      this.version++;
      this.models.setState(id, { downloaded: true, loaded: false });
      this.emit(id, { status: 'COMPLETED', percentage: 100 });
      return;
    }
    let percentage = (run.step * 100) / STEPS;
    if (this.faults.has('download-progress-decreases') && run.step === STEPS / 2 + 1) percentage -= 25;
    run.last = { status: 'IN-PROGRESS', percentage };
    this.emit(id, run.last);
    this.schedule(id, run);
  }

  private emit(id: string, frame: ProgressFrame): void {
    for (const fn of this.listeners.get(id) ?? []) fn(frame);
  }
}
