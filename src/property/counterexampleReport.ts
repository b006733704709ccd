/**
 * What a failed property reports: the seed, the path (and a command sequence's replay path), the
 * shrunk counterexample, the contract failures and the cURL of the failing exchanges, with the
 * one line that replays it (`replay with PIECES_FC_SEED=... PIECES_FC_PATH=...`).
 */
import fc, { type RunDetails } from 'fast-check';
import type { ContractFailure } from '../core/errors.js';
import { failureLine } from '../checks/run.js';
import { shellQuote, toCurl } from '../client/curl.js';
import { CaseFailure, failingExchanges } from './caseFailure.js';

/** Everything a failed property run tells, as plain data. */
export interface PropertyReport {
  /** The property (the Playwright test title). */
  title: string;
  seed: number;
  /** Counterexample path; absent when no case failed (too many skips). */
  path?: string;
  /** The `replayPath` of a failed `fc.commands` sequence. */
  replayPath?: string;
  numRuns: number;
  numShrinks: number;
  /** The run stopped at its time limit (the counterexample may be only partly shrunk). */
  interrupted: boolean;
  /** The shrunk counterexample as fast-check prints it. */
  counterexample?: string;
  /** The failing case's error message (its contract failures, or an assertion). */
  error?: string;
  failures: readonly ContractFailure[];
  /** cURL commands of the failing case's failing exchanges. */
  curls: string[];
}

/** The replay path fast-check appends to a command sequence: `/*replayPath="…"*\/`. */
export function replayPathOf(counterexample: string | undefined): string | undefined {
  return counterexample?.match(/\/\*replayPath="([^"]*)"\*\//)?.[1];
}

/** Builds the report of a finished run (failed or not). */
export function buildReport<T>(title: string, details: RunDetails<T>): PropertyReport {
  const counterexample =
    details.counterexample === null || details.counterexample === undefined
      ? undefined
      : fc.stringify(details.counterexample);
  const err = details.errorInstance;
  const failure = err instanceof CaseFailure ? err : undefined;
  return {
    title,
    seed: details.seed,
    ...(details.counterexamplePath ? { path: details.counterexamplePath } : {}),
    ...(replayPathOf(counterexample) ? { replayPath: replayPathOf(counterexample) } : {}),
    numRuns: details.numRuns,
    numShrinks: details.numShrinks,
    interrupted: details.interrupted,
    ...(counterexample !== undefined ? { counterexample } : {}),
    ...(err !== undefined && err !== null ? { error: err instanceof Error ? err.message : String(err) } : {}),
    failures: failure?.failures ?? [],
    curls: failure ? failingExchanges(failure.failures, failure.exchanges).map(toCurl) : [],
  };
}

/** The command that replays a failed property: its seed, path and replay path, and a grep on its title. */
export function replayLine(
  r: Pick<PropertyReport, 'title' | 'seed' | 'path' | 'replayPath'>,
  project = 'property',
): string {
  const vars = [`PIECES_FC_SEED=${r.seed}`];
  if (r.path) vars.push(`PIECES_FC_PATH=${shellQuote(r.path)}`);
  if (r.replayPath) vars.push(`PIECES_FC_REPLAY_PATH=${shellQuote(r.replayPath)}`);
  const grep = r.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return `${vars.join(' ')} npx playwright test --project=${project} -g ${shellQuote(grep)}`;
}

/** Cuts a long text to `max` characters, saying how much was left out. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters in the attachment)`;
}

/** The failure message: what failed, how to replay it, the counterexample, the failures and one cURL. */
export function formatReport(r: PropertyReport, opts: { maxCounterexample?: number; maxCurl?: number } = {}): string {
  const lines = [
    `Property "${r.title}" failed after ${r.numRuns} run${r.numRuns === 1 ? '' : 's'} and ${r.numShrinks} shrink${r.numShrinks === 1 ? '' : 's'}` +
      ` (seed ${r.seed}${r.path ? `, path ${r.path}` : ''})${r.interrupted ? ', interrupted at its time limit' : ''}`,
    `replay with ${replayLine(r)}`,
  ];
  if (r.counterexample !== undefined)
    lines.push(`Counterexample: ${clip(r.counterexample, opts.maxCounterexample ?? 2000)}`);
  else lines.push('No counterexample: the run did not find a failing case (too many skipped cases).');
  if (r.failures.length > 0) lines.push('Failures:', ...r.failures.map(failureLine));
  else if (r.error) lines.push(`Error: ${clip(r.error, 2000)}`);
  if (r.curls.length > 0)
    lines.push(
      `Failing exchange${r.curls.length > 1 ? ` (1 of ${r.curls.length})` : ''}:`,
      clip(r.curls[0], opts.maxCurl ?? 1500),
    );
  return lines.join('\n');
}
