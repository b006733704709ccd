/**
 * The security verdict's mode (README "Security"): `enforce` fails the run on a security finding,
 * `report` lists findings and keeps the exit code. Default: enforce on the embedded emulator, report
 * on any other target (a real build has been seen answering `Access-Control-Allow-Origin: *`; a
 * policy the product does not follow is a finding to report, not a red release).
 */

export const SECURITY_MODES = ['enforce', 'report'] as const;
export type SecurityMode = (typeof SECURITY_MODES)[number];

/** The emulator's security policies: its strict loopback policy, or what real builds were seen to do. */
export type EmulatorSecurityPolicy = 'strict' | 'observed';

/** The mode in force: the setting when given, else enforce on the embedded emulator and report elsewhere. */
export function securityModeFor(setting: SecurityMode | undefined, targetKind: 'emulator' | 'live'): SecurityMode {
  return setting ?? (targetKind === 'emulator' ? 'enforce' : 'report');
}

/**
 * The policy the embedded emulator runs with: strict under enforce (so a clean run passes, and each
 * security fault switch weakens one strict protection), observed under report (the run then shows
 * the findings a real build would give).
 */
export function embeddedEmulatorPolicy(mode: SecurityMode): EmulatorSecurityPolicy {
  return mode === 'enforce' ? 'strict' : 'observed';
}
