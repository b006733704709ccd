/**
 * What `run` checks before it starts Playwright, so a run that cannot be judged stops within
 * seconds with one line (exit 2) instead of a wall of failed tests: the contract loads, the target
 * answers its health check (≤ 10 s), the fault switches exist.
 */
import { relative } from 'node:path';
import { HarnessError } from '../../core/errors.js';
import { loadSpec } from '../../contract/index.js';
import { describeContract, resolveContractChoice, type ContractChoice } from '../../contract/choice.js';
import { resolveLiveTarget } from '../../target/resolve.js';
import type { Target } from '../../target/resolve.js';
import type { RunConfig } from '../config/resolve.js';
import { emulatorBin } from '../../process/tools.js';
import { runNode } from '../../process/spawn.js';

/** What the preflight learned. */
export interface Preflight {
  /** The contract that judges (`--contract`). */
  contract: ContractChoice;
  /** How reports name it: `upstream 2025-02 (Pieces OS 1.0.0)`. */
  contractLabel: string;
  contractFile: string;
  contractVersion: string;
  /** The live target, resolved (auto discovered) and healthy; undefined for the embedded emulator. */
  target?: Target;
  durationMs: number;
}

/** How to fix an unreachable target, in the CLI's terms. */
const TARGET_FIX =
  'start Pieces OS (or: npx pieces-conformance emulator --port 39300), fix --target, use --target auto to discover it, or drop --target to test the embedded emulator';

/** The budget for the reachability check: an unreachable target must fail within 10 s overall. */
export const REACHABILITY_BUDGET_MS = 8_000;

/** Loads the contract, checks the target and the faults; throws a HarnessError on the first problem. */
export async function preflight(
  c: RunConfig,
  root: string,
  env: NodeJS.ProcessEnv,
  cwd: string = process.cwd(),
): Promise<Preflight> {
  const t0 = Date.now();
  const contract = resolveContractChoice(c.contract, cwd);
  const contractFile = relative(root, contract.file).startsWith('..') ? contract.file : relative(root, contract.file);
  // The contract and the target are checked side by side: together they stay well under 10 s.
  const specP = loadSpec(contract.file).catch((err) => {
    if (err instanceof HarnessError) throw new HarnessError(err.code, err.message.replace(`${root}/`, ''), err.hint);
    throw err;
  });
  const targetP = c.target
    ? withDeadline(
        resolveLiveTarget({ baseUrl: c.target.replace(/\/+$/, '') }),
        REACHABILITY_BUDGET_MS,
        new HarnessError('target', `no answer from ${c.target} within ${REACHABILITY_BUDGET_MS / 1000} s`, TARGET_FIX),
      )
    : Promise.resolve(undefined);
  // The suite's own hint names PIECES_BASE_URL; from the CLI the fix is spelled with flags.
  const targetChecked = targetP.catch((err) => {
    if (err instanceof HarnessError && err.code === 'target') throw new HarnessError('target', err.message, TARGET_FIX);
    throw err;
  });
  const [spec, target] = await Promise.all([specP, targetChecked]);
  if (c.faults.length) await checkFaults(c.faults, root, env);
  return {
    contract,
    contractLabel: describeContract(contract, spec),
    contractFile,
    contractVersion: spec.version,
    target,
    durationMs: Date.now() - t0,
  };
}

function withDeadline<T>(p: Promise<T>, ms: number, error: HarnessError): Promise<T> {
  let timer: NodeJS.Timeout;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(error), ms);
  });
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}

/** The emulator's fault names (`pieces-os-emulator --list-faults`, spawned: src/ never imports the emulator). */
export async function listFaultNames(root: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const r = await runNode(emulatorBin(root), ['--list-faults'], { cwd: root, env, capture: true, timeoutMs: 30_000 });
  if (r.code !== 0)
    throw new HarnessError(
      'internal',
      `pieces-os-emulator --list-faults failed: ${r.stderr.trim().split('\n').pop() ?? r.code}`,
    );
  return parseFaultList(r.stdout);
}

/** Fault names from `--list-faults` output: the first column of the table, between its header and the blank line. */
export function parseFaultList(text: string): string[] {
  const lines = text.split('\n');
  const header = lines.findIndex((l) => /^NAME\s/.test(l));
  const names: string[] = [];
  for (const line of lines.slice(header + 1)) {
    if (line.trim() === '') break;
    names.push(line.trim().split(/\s+/)[0]);
  }
  return names;
}

async function checkFaults(faults: readonly string[], root: string, env: NodeJS.ProcessEnv): Promise<void> {
  const known = await listFaultNames(root, env);
  const unknown = faults.filter((f) => !known.includes(f));
  if (unknown.length) {
    throw new HarnessError(
      'usage',
      `unknown fault switch${unknown.length > 1 ? 'es' : ''}: ${unknown.join(', ')}`,
      'list them with: pieces-conformance emulator --list-faults',
    );
  }
}
