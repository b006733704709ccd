/** What the security checks share: which probe a check judges, and whether the target refused it. */
import type { ForeignHeader, SecurityProbe } from '../../security/types.js';

/** True for a probe of this transport and foreign header. */
export function isProbe(p: unknown, transport: SecurityProbe['transport'], header: ForeignHeader): p is SecurityProbe {
  return (
    !!p &&
    typeof p === 'object' &&
    (p as SecurityProbe).transport === transport &&
    (p as SecurityProbe).header === header
  );
}

/**
 * Whether the target refused the probe: a 4xx answer, or no answer at all (a reset or a closed
 * connection serves nothing). A 2xx, a 3xx, a 5xx or an opened socket is not a refusal.
 */
export function refused(p: SecurityProbe): boolean {
  if (p.opened) return false;
  if (p.status === undefined) return p.error !== undefined;
  return p.status >= 400 && p.status < 500;
}

/** The access a CORS answer grants the probe's foreign Origin: `*`, the origin echoed, or none. */
export function grantedTo(p: SecurityProbe): string | undefined {
  const allow = p.cors['access-control-allow-origin']?.trim();
  if (allow === undefined) return undefined;
  return allow === '*' || allow === p.value || allow === 'null' ? allow : undefined;
}
