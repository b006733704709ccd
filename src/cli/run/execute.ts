/**
 * One conformance run after the preflight: the suites through Playwright, then the reports. Shared
 * by `run` and `replay`, which differ only in what they select and what they print around it.
 */
import { securityModeFor } from '../../security/mode.js';
import { readResolvedTarget, type RunEnvironment } from '../../report/environment.js';
import { clearRunOutputs, type ReportPaths } from '../../report/paths.js';
import type { CommandIO } from '../command.js';
import type { RunConfig } from '../config/resolve.js';
import { playwrightCli } from '../../process/tools.js';
import { budgetLine, timeBudgets } from '../../settings/index.js';
import { runNode } from '../../process/spawn.js';
import { childEnv, playwrightArgs, shellLine, suiteEnv } from './invocation.js';
import type { Preflight } from './preflight.js';
import { assumptionMode } from '../../checks/basis.js';
import { finishReports, type FinishOutput } from './reports.js';

/** The environment block of a run (target, versions, validation). */
export function runEnvironment(
  c: RunConfig,
  pre: Preflight,
  resolved?: { url: string; kind: string; version?: string },
): RunEnvironment {
  const embedded = !c.target;
  const url = pre.target?.url ?? resolved?.url ?? (embedded ? 'embedded emulator' : c.target!);
  return {
    'Target URL': url,
    'Target kind': embedded ? 'embedded emulator' : c.target === 'auto' ? 'live (discovered)' : 'live',
    'Target version': pre.target?.version ?? resolved?.version ?? 'unknown',
    Contract: pre.contractLabel,
    'Contract version': pre.contractVersion,
    'Contract file': pre.contractFile,
    'Validation mode': c.validation,
    ...(embedded ? { 'Emulator profile': c.emulatorProfile } : {}),
    'Time budgets': budgetLine(timeBudgets(c)),
    'Security mode': securityModeFor(c.security, embedded ? 'emulator' : 'live'),
    Assumptions: assumptionMode(embedded ? 'emulator' : 'live', c.assumptions),
    Suites: c.suites.join(', '),
    ...(c.faults.length ? { 'Fault switches': c.faults.join(', ') } : {}),
    ...(c.shard ? { Shard: `${c.shard.index}/${c.shard.total}` } : {}),
    ...(c.grep ? { Grep: c.grep } : {}),
    ...(c.readonly ? { 'Read-only': 'yes' } : {}),
    ...(c.allowDownloads ? { 'Model downloads': 'allowed' } : {}),
    ...(c.deep ? { Depth: 'deep' } : {}),
  };
}

/** What a run needs besides its config. */
export interface ExecuteInput {
  c: RunConfig;
  pre: Preflight;
  paths: ReportPaths;
  root: string;
  io: CommandIO;
  startedAt: number;
  /** Printed before the Playwright command line. */
  headline: string;
  /** Playwright arguments after the config's own (e.g. test locations). */
  extraArgs?: string[];
  /** Why the coverage gate does not apply, shown in the summary. */
  partialRun?: string;
  /** Where the reports' closing lines go (default: the command's output). */
  reportOut?: (line: string) => void;
  /** Runs after the outputs of an earlier run are cleared, before Playwright starts. */
  beforeRun?: () => void;
}

/** Clears the earlier outputs, runs the suites, writes the reports. */
export async function executeRun(i: ExecuteInput): Promise<FinishOutput> {
  const { c, pre, paths, root, io } = i;
  // A contract file is handed to the suites as an absolute path (they run from the package root).
  const judged = pre.contract.id === 'file' ? { ...c, contract: pre.contract.file } : c;
  const vars = suiteEnv(judged, paths, pre.target?.url);
  const pwArgs = [...playwrightArgs(c), ...(i.extraArgs ?? [])];
  clearRunOutputs(paths);
  i.beforeRun?.();
  io.out(i.headline);
  io.out(`  ${shellLine(pwArgs, vars)}`);
  const run = await runNode(playwrightCli(), ['test', ...pwArgs], { cwd: root, env: childEnv(io.env, vars) });
  return finishReports({
    paths,
    environment: runEnvironment(c, pre, readResolvedTarget(paths.target)),
    runnerStatus: run.code,
    html: c.html,
    root,
    cwd: io.cwd,
    env: io.env,
    partialRun: i.partialRun,
    startedAt: i.startedAt,
    playwrightMs: run.durationMs,
    out: i.reportOut ?? io.out,
  });
}
