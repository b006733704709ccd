/** Whether a process of this machine is still running (a run's ledger, a download lock's owner). */
import { readFileSync } from 'node:fs';

/**
 * Whether a process of this machine is alive. A killed run's process may linger as a zombie until
 * it is reaped (its state `Z` in /proc on Linux): that run is over, so it counts as dead.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err: any) {
    return err?.code === 'EPERM';
  }
  return !zombie(pid);
}

/** Whether /proc says `pid` is a zombie or dead (false where there is no /proc). */
function zombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The state follows the command name, which is in parentheses and may itself hold spaces or ')'.
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'Z' || state === 'X';
  } catch {
    return false;
  }
}
