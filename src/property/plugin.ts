/**
 * The reporting plugin: a fast-check 4 plugin whose `onAllRunsComplete` replaces the default report
 * of a failed property with ours (seed, path, replay line, counterexample, failures, cURL), after
 * handing the report to the caller (who attaches it to the test).
 */
import type { UniversalPlugin } from 'fast-check';
import { buildReport, formatReport, type PropertyReport } from './counterexampleReport.js';

/** A property failed: the message is the formatted report, the cause is the failing case's error. */
export class PropertyFailedError extends Error {
  override readonly name = 'PropertyFailedError';
  constructor(
    readonly report: PropertyReport,
    cause?: unknown,
  ) {
    super(formatReport(report), cause === undefined ? undefined : { cause });
  }
}

/** Options of the reporting plugin. */
export interface ReportingOptions {
  /** The property's title (the test title), used in the message and the replay line. */
  title: string;
  /** Called with the report of a failed run before the error is thrown (e.g. to attach it). */
  onFailure?: (report: PropertyReport) => void | Promise<void>;
}

/** A plugin that fails `fc.assert` with a PropertyFailedError; a passing run is left as it is. */
export function reportingPlugin(options: ReportingOptions): UniversalPlugin {
  return () => ({
    onAllRunsComplete: (details) => {
      if (!details.failed) return;
      const report = buildReport(options.title, details);
      const fail = (): never => {
        throw new PropertyFailedError(report, details.errorInstance);
      };
      const pending = options.onFailure?.(report);
      // Synchronous properties need a synchronous hook: only wait when the callback is async.
      if (pending && typeof (pending as Promise<void>).then === 'function')
        return (pending as Promise<void>).then(fail);
      return fail();
    },
  });
}
