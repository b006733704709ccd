/** The shapes of the SDK smoke run: its options, its calls, the HTTP requests they made, its result. */
import type { LoadedSdk } from './load.js';

/** What happened to one SDK call. */
export type SdkOutcome = 'ok' | 'failed' | 'skipped';

/** Whether the snippet content came back as sent. */
export type ContentCheck = 'survives' | 'changed' | 'absent';

/** One HTTP request the SDK made during a call. */
export interface SdkHttp {
  method: string;
  /** Path (and query) relative to the base path. */
  path: string;
  status?: number;
  contentType?: string;
  /** The first 200 characters of the answer. */
  body?: string;
  /** The fetch error, when no answer came. */
  error?: string;
  /** fetch refused to build the request (nothing was sent). */
  notSent?: boolean;
  durationMs: number;
}

/** One step of the smoke run. */
export interface SdkCall {
  /** Short step name, e.g. `createAsset`. */
  step: string;
  /** The SDK method, e.g. `AssetsApi.assetsCreateNewAsset`. */
  method: string;
  /** Matrix column key of the operation the step exercises, `METHOD /path/{}`. */
  key: string;
  outcome: SdkOutcome;
  /** The SDK's error (failed), or why the step did not run (skipped). */
  error?: string;
  /** Anything worth knowing about an answer that worked (a missing envelope, content, ...). */
  note?: string;
  /** The call returned, but its answer lacked what a client reads (treated as a failure in the matrix). */
  shapeProblem?: string;
  /** The content check, for steps that answer the asset. */
  content?: ContentCheck;
  /** True for cleanup calls (not a step of the smoke run proper). */
  cleanup?: boolean;
  http: SdkHttp[];
  durationMs: number;
}

/** The whole smoke run. */
export interface SdkSmokeResult {
  sdk: { name: string; version: string };
  baseUrl: string;
  startedAt: string;
  durationMs: number;
  /** The marker every created name carries. */
  marker: string;
  calls: SdkCall[];
  /** What the run created and could not remove (`asset <id>`, ...), with why. */
  leftovers: string[];
}

/** Options of the smoke run. */
export interface SdkSmokeOptions {
  /** The target's base URL (the SDK's own default, port 1000, is wrong for Pieces OS 11+). */
  baseUrl: string;
  /** The SDK as loaded by `loadSdk()` (tests may inject a fake). */
  loaded: LoadedSdk;
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
  /** Download, cancel, load and unload a model (default false; the emulator allows it). */
  allowDownloads?: boolean;
  /** No writes: only the read steps run. */
  readonly?: boolean;
  /** A fixed nonce for the marker (tests). */
  nonce?: string;
}
