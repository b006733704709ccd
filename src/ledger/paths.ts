/**
 * Where run ledgers live: outside `reports/` (which every run regenerates), in the user's state
 * directory, one folder per target URL. PIECES_LEDGER_DIR overrides the base directory.
 */
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { readSetting } from '../settings/index.js';

/** The base directory of every ledger: PIECES_LEDGER_DIR, else the OS's per-user state directory. */
export function ledgerRoot(env: NodeJS.ProcessEnv = process.env): string {
  const given = readSetting('ledgerDir', env);
  if (given) return given;
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'pieces-conformance', 'ledger');
  if (process.platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'pieces-conformance', 'ledger');
  const state = env.XDG_STATE_HOME?.trim() ? env.XDG_STATE_HOME : join(homedir(), '.local', 'state');
  return join(state, 'pieces-conformance', 'ledger');
}

/** A folder name for a target URL: readable host and port, plus a short hash of the whole URL. */
export function targetKey(url: string): string {
  const normal = url.replace(/\/+$/, '').toLowerCase();
  let readable = normal;
  try {
    const u = new URL(normal);
    readable = `${u.hostname}_${u.port || (u.protocol === 'https:' ? '443' : '80')}`;
  } catch {
    // not a URL: the hash alone keeps it apart
  }
  const hash = createHash('sha256').update(normal).digest('hex').slice(0, 8);
  return `${readable.replace(/[^a-z0-9._-]/g, '_')}-${hash}`;
}

/** The folder holding the ledgers of runs against `url`. */
export function targetLedgerDir(url: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(ledgerRoot(env), targetKey(url));
}
