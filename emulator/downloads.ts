/**
 * Simulated model downloads: asynchronous, paced by `downloadMs`, pushing ModelDownloadProgress
 * frames to whoever listens on /model/{model}/download/progress. The finished state is stored;
 * a download in flight is not (a restart interrupts it, as it would a real one).
 */
import type { FaultSet } from './faults/index.js';
import type { ModelStore } from './store/models.js';
import { downloadSteps } from './profile.js';

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
  /** The percentage of each IN-PROGRESS step. */
  percentages: number[];
}

const STEPS = 10;
/** A realistic download reports about five times a second, in uneven steps. */
const REALISTIC_FRAME_MS = 200;

/** Runs, cancels and reports the downloads of one emulator. */
export class Downloads {
  private readonly running = new Map<string, Running>();
  private readonly listeners = new Map<string, Set<Listener>>();
  /** Counts starts and ends of downloads (the models' `downloading` flags change then). */
  version = 0;

  /** Uses the model store for the final state; `downloadMs` is the whole duration; `realistic`: uneven steps. */
  constructor(
    private readonly models: ModelStore,
    private readonly downloadMs: number,
    private readonly faults: FaultSet,
    private readonly realistic = false,
  ) {}

  /** The IN-PROGRESS percentages of one download (even tenths, or uneven fractional steps). */
  private plan(): number[] {
    if (!this.realistic) return Array.from({ length: STEPS - 1 }, (_, i) => ((i + 1) * 100) / STEPS);
    return downloadSteps(Math.max(STEPS, Math.round(this.downloadMs / REALISTIC_FRAME_MS)));
  }

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
    const run: Running = { step: 0, last: { status: 'INITIALIZED', percentage: 0 }, percentages: this.plan() };
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
    const interval = this.downloadMs / (run.percentages.length + 1);
    run.timer = setTimeout(() => this.tick(id, run), Math.max(1, interval));
    run.timer.unref?.();
  }

  private tick(id: string, run: Running): void {
    if (this.running.get(id) !== run) return;
    run.step++;
    const steps = run.percentages.length + 1;
    if (run.step >= steps) {
      if (this.faults.has('download-stalls')) return; // the planted bug: stuck at 90 %, forever
      this.running.delete(id);
      this.version++;
      this.models.setState(id, { downloaded: true, loaded: false });
      this.emit(id, { status: 'COMPLETED', percentage: 100 });
      return;
    }
    let percentage = run.percentages[run.step - 1]!;
    if (this.faults.has('download-progress-decreases') && run.step === Math.floor(steps / 2) + 1) percentage -= 25;
    run.last = { status: 'IN-PROGRESS', percentage };
    this.emit(id, run.last);
    this.schedule(id, run);
  }

  private emit(id: string, frame: ProgressFrame): void {
    for (const fn of this.listeners.get(id) ?? []) fn(frame);
  }
}
