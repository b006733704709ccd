/**
 * The smoke run's recorder: a fetch for the SDK that records every HTTP request on the current call
 * (with a timeout), and the step runner that turns one SDK call into an `SdkCall`.
 */
import { operationKey } from '../paths.js';
import { describeSdkError, oneLine } from './content.js';
import type { SdkCall, SdkHttp } from './types.js';

/** What a step's check may add from the answer: a note, a content check or a shape problem. */
export type StepCheck<T> = (value: T) => Partial<Pick<SdkCall, 'note' | 'content' | 'shapeProblem'>>;

/** Runs one step; answers the SDK's value, or undefined when the call threw. */
export type StepRunner = <T>(
  stepName: string,
  method: string,
  http: [string, string],
  run: () => Promise<T>,
  check?: StepCheck<T>,
  extra?: Partial<SdkCall>,
) => Promise<T | undefined>;

/** Records a step that did not run, with why. */
export type StepSkipper = (stepName: string, method: string, http: [string, string], why: string) => void;

/** The recorder of one smoke run. */
export interface Recorder {
  /** Every call so far, in run order. */
  calls: SdkCall[];
  /** The fetch to hand the SDK's `Configuration`. */
  fetchApi: (url: string, init?: RequestInit) => Promise<Response>;
  step: StepRunner;
  skip: StepSkipper;
}

/** A recorder for a target whose base URL has the path `basePath` (paths are recorded relative to it). */
export function createRecorder(basePath: string, timeoutMs: number): Recorder {
  const calls: SdkCall[] = [];
  let current: SdkCall | undefined;

  // Every HTTP request of the SDK goes through here: recorded on the current call, with a timeout.
  const fetchApi = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const u = new URL(url);
    const http: SdkHttp = {
      method: String(init.method ?? 'GET').toUpperCase(),
      path: `${basePath && u.pathname.startsWith(basePath) ? u.pathname.slice(basePath.length) : u.pathname}${u.search}`,
      durationMs: 0,
    };
    current?.http.push(http);
    const started = performance.now();
    let request: Request;
    try {
      request = new Request(url, { ...init, signal: init.signal ?? AbortSignal.timeout(timeoutMs) });
    } catch (err: any) {
      http.notSent = true;
      http.error = `${err?.name ?? 'Error'}: ${oneLine(String(err?.message ?? err))}`;
      throw err;
    }
    try {
      const res = await fetch(request);
      http.status = res.status;
      http.contentType = res.headers.get('content-type') ?? undefined;
      try {
        http.body = oneLine(await res.clone().text(), 200);
      } catch {
        /* streamed or aborted */
      }
      return res;
    } catch (err: any) {
      http.error = `${err?.name ?? 'Error'}: ${oneLine(String(err?.message ?? err))}${err?.cause?.message ? ` (${oneLine(String(err.cause.message))})` : ''}`;
      throw err;
    } finally {
      http.durationMs = Math.round((performance.now() - started) * 10) / 10;
    }
  };

  async function step<T>(
    stepName: string,
    method: string,
    http: [string, string],
    run: () => Promise<T>,
    check?: StepCheck<T>,
    extra: Partial<SdkCall> = {},
  ): Promise<T | undefined> {
    const call: SdkCall = {
      step: stepName,
      method,
      key: operationKey(http[0], http[1]),
      outcome: 'ok',
      http: [],
      durationMs: 0,
      ...extra,
    };
    calls.push(call);
    current = call;
    const s = performance.now();
    try {
      const value = await run();
      if (check) {
        try {
          Object.assign(call, check(value));
        } catch (err: any) {
          call.shapeProblem = `the answer could not be read: ${await describeSdkError(err)}`;
        }
      }
      return value;
    } catch (err) {
      call.outcome = 'failed';
      call.error = await describeSdkError(err);
      if (call.http.length === 0) call.error += ' (no request was made)';
      else if (call.http.every((h) => h.notSent))
        call.error += ' (fetch refused the request the SDK built: nothing reached the target)';
      return undefined;
    } finally {
      call.durationMs = Math.round((performance.now() - s) * 10) / 10;
      current = undefined;
    }
  }

  function skip(stepName: string, method: string, http: [string, string], why: string): void {
    calls.push({
      step: stepName,
      method,
      key: operationKey(http[0], http[1]),
      outcome: 'skipped',
      error: why,
      http: [],
      durationMs: 0,
    });
  }

  return { calls, fetchApi, step, skip };
}
