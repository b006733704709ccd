/**
 * The emulator's fault catalogue as the self-test reads it: `pieces-os-emulator --list-faults`,
 * spawned (src/ never imports the emulator), parsed by the columns of its header line.
 */
import { HarnessError } from '../core/errors.js';
import { emulatorBin } from '../process/tools.js';
import { runNode } from '../process/spawn.js';

/** One fault switch: a planted contract bug and the check that must catch it. */
export interface FaultEntry {
  name: string;
  tag: string;
  operation: string;
  expectedCheck: string;
  description: string;
}

const COLUMNS = ['NAME', 'TAG', 'OPERATION', 'EXPECTED CHECK', 'DESCRIPTION'] as const;

/**
 * Parses the aligned table of `--list-faults`. Columns are cut at the offsets of the header's
 * titles (a tag such as `Well Known` holds a space, so splitting on blanks would not do).
 */
export function parseFaultCatalogue(text: string): FaultEntry[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => /^NAME\s/.test(l));
  if (at < 0)
    throw new HarnessError(
      'internal',
      'pieces-os-emulator --list-faults printed no NAME header',
      'check the emulator bin',
    );
  const header = lines[at];
  const starts = COLUMNS.map((c) => header.indexOf(c));
  if (starts.some((s, i) => s < 0 || (i > 0 && s <= starts[i - 1]))) {
    throw new HarnessError(
      'internal',
      `unexpected --list-faults header: ${header.trim()}`,
      `expected the columns ${COLUMNS.join(', ')}`,
    );
  }
  const out: FaultEntry[] = [];
  for (const line of lines.slice(at + 1)) {
    if (line.trim() === '') break;
    const cut = (i: number) => line.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : undefined).trim();
    out.push({ name: cut(0), tag: cut(1), operation: cut(2), expectedCheck: cut(3), description: cut(4) });
  }
  return out;
}

/** Reads the catalogue from the emulator's bin. */
export async function readFaultCatalogue(root: string, env: NodeJS.ProcessEnv): Promise<FaultEntry[]> {
  const r = await runNode(emulatorBin(root), ['--list-faults'], { cwd: root, env, capture: true, timeoutMs: 30_000 });
  if (r.code !== 0) {
    throw new HarnessError(
      'internal',
      `pieces-os-emulator --list-faults failed: ${r.stderr.trim().split('\n').pop() ?? `exit ${r.code}`}`,
    );
  }
  const list = parseFaultCatalogue(r.stdout);
  if (list.length === 0) throw new HarnessError('internal', 'pieces-os-emulator --list-faults listed no fault switch');
  return list;
}
