/**
 * Global teardown: the coverage gate. It merges every worker's part (the contract, stream and
 * property suites all write them), writes reports/coverage.json and reports/coverage.md, prints
 * the summary line and fails the run when an operation whose suite ran was never exercised.
 * Sharded or filtered runs report only: their coverage is partial by design.
 */
import type { FullConfig } from '@playwright/test';
import { evaluateCoverage, gateMessage, mergeParts, readParts, writeCoverageReports } from '../src/coverage/index.js';
import { loadRunContracts } from './fixtures/specCache.js';
import { REPORT_PATHS, ROOT } from './fixtures/paths.js';
import { describeContract } from '../src/contract/choice.js';
import { PROMPT_OPERATIONS, WRITE_OPERATIONS } from '../src/target/safety.js';
import { importTarget, readConfig, TARGET_ENV } from '../src/target/index.js';
import { endLiveRun } from './fixtures/liveRun.js';
import { readSetting } from '../src/settings/index.js';
import { existsSync } from 'node:fs';
import { assembleRunHar } from '../src/report/har/index.js';
import { relative } from 'node:path';

/** Runner options that select a subset of the tests (a gate over a subset would be meaningless). */
const FILTERS = new Set([
  '-g',
  '--grep',
  '--grep-invert',
  '--last-failed',
  '--only-changed',
  '--shard',
  '--repeat-each',
]);
/** Options that take a value (skipped when looking for file filters). */
const VALUED = new Set([
  '-c',
  '--config',
  '-j',
  '--workers',
  '--reporter',
  '--project',
  '--timeout',
  '--retries',
  '--max-failures',
  '--output',
  '--trace',
  '-g',
  '--grep',
  '--grep-invert',
  '--shard',
  '--repeat-each',
  '--global-timeout',
  '--tsconfig',
]);

/** Why the gate only reports in this run, or undefined when it enforces. */
export function gateExemption(
  config: Pick<FullConfig, 'shard'>,
  argv: string[] = process.argv,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const mode = readSetting('coverageGate', env);
  if (mode === 'off' || mode === 'report') return `PIECES_COVERAGE_GATE=${mode}`;
  if (mode === 'enforce') return undefined;
  if (config.shard) return `shard ${config.shard.current}/${config.shard.total}`;
  const at = argv.indexOf('test');
  const args = at >= 0 ? argv.slice(at + 1) : [];
  for (let i = 0; i < args.length; i++) {
    const [flag] = args[i].split('=');
    if (FILTERS.has(flag)) return `${flag} filters the tests`;
    if (VALUED.has(flag) && !args[i].includes('=')) {
      i++;
      continue;
    }
    if (!args[i].startsWith('-')) return `file filter ${args[i]}`;
  }
  return undefined;
}

/**
 * Operations the run's safety settings keep it from exercising: a read-only run never writes and
 * puts no prompt (no QGPT operation, REST or streamed), and download progress needs a
 * download, which a live target only allows with PIECES_ALLOW_DOWNLOADS=1.
 */
export function exemptOperations(env: NodeJS.ProcessEnv = process.env): Set<string> {
  const config = readConfig(env);
  const exempt = new Set<string>(config.readonly ? [...WRITE_OPERATIONS, ...PROMPT_OPERATIONS] : []);
  if (env[TARGET_ENV.kind] === 'live' && !config.allowDownloads) exempt.add('modelDownloadProgress');
  return exempt;
}

export default async function globalTeardown(config: FullConfig): Promise<void> {
  // A live target left as found: the ledger's leftovers removed, the models restored.
  if (process.env[TARGET_ENV.url]) await endLiveRun(importTarget(), (await loadRunContracts()).reference, readConfig());
  // The run's exchanges as HAR 1.2 (reports/exchanges.har), whatever the verdict.
  assembleRunHar(REPORT_PATHS.dir);
  // A run that never started (harness error in setup) has no coverage to judge.
  if (existsSync(REPORT_PATHS.harnessError)) return;
  const { judging: spec, choice } = await loadRunContracts();
  const { ledger, projects } = mergeParts(readParts(REPORT_PATHS.coverageParts));
  const summary = evaluateCoverage(spec.operations.values(), ledger, projects, { exempt: exemptOperations() });
  const { md } = writeCoverageReports(REPORT_PATHS.dir, summary, {
    target: process.env[TARGET_ENV.url],
    contract: describeContract(choice, spec),
  });
  const exemption = gateExemption(config);
  console.log(
    `pieces-conformance: ${gateMessage(summary)}${summary.skipped.length ? ` (not required: ${summary.skipped.join(', ')})` : ''} → ${relative(ROOT, md)}`,
  );
  if (!summary.passed && !exemption) {
    const line = `pieces-conformance: ${gateMessage(summary)} (add tests for them, or set PIECES_COVERAGE_GATE=report)`;
    const e = new Error(line);
    e.stack = line;
    throw e;
  }
  if (!summary.passed) console.log(`pieces-conformance: coverage gate not enforced (${exemption})`);
}
