/**
 * Fault switches: each plants one specific, documented contract bug so that the harness can prove
 * that the check named in `expectedCheck` catches it (schemathesis' bug toggles in its stateful
 * test app). Without any switch the emulator is correct. The emulator never imports the checks.
 */
import { ASSET_FAULTS } from './assetFaults.js';
import { LIFECYCLE_FAULTS } from './lifecycleFaults.js';
import { QGPT_FAULTS } from './qgptFaults.js';
import { SECURITY_FAULTS } from './securityFaults.js';
import { PROFILE_FAULTS, WELL_KNOWN_FAULTS } from './serviceFaults.js';
import { STREAM_FAULTS } from './streamFaults.js';
import type { FaultInfo, FaultRow } from './types.js';

export type { FaultInfo } from './types.js';

// One row per switch; these tables are the single list (the CLI, the README and the tests read it).
const ROWS: FaultRow[] = [
  ...WELL_KNOWN_FAULTS,
  ...ASSET_FAULTS,
  ...QGPT_FAULTS,
  ...STREAM_FAULTS,
  ...LIFECYCLE_FAULTS,
  ...PROFILE_FAULTS,
  ...SECURITY_FAULTS,
];

const BY_NAME = new Map(
  ROWS.map(([name, tag, operation, expectedCheck, description]) => [
    name,
    { name, tag, operation, description, expectedCheck },
  ]),
);

/** Every fault switch, in catalogue order (fresh copies: callers may not change the catalogue). */
export function listFaults(): FaultInfo[] {
  return [...BY_NAME.values()].map((f) => ({ ...f }));
}

/** The switches a running emulator honours; `has` is what handlers ask. */
export class FaultSet {
  private readonly on: ReadonlySet<string>;
  /** Validates the names: an unknown one rejects with the list of valid names. */
  constructor(names: readonly string[] = []) {
    const unknown = names.filter((n) => !BY_NAME.has(n));
    if (unknown.length > 0) {
      throw new Error(
        `Unknown fault switch${unknown.length > 1 ? 'es' : ''}: ${unknown.join(', ')}. ` +
          `Valid names: ${[...BY_NAME.keys()].join(', ')}`,
      );
    }
    this.on = new Set(names);
  }
  /** Whether the named switch is on. */
  has(name: string): boolean {
    return this.on.has(name);
  }
  /** The switches that are on, sorted. */
  get names(): readonly string[] {
    return Object.freeze([...this.on].sort());
  }
}
