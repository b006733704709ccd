/** The security verdict: probes with a foreign Host or Origin, the mode, the foreign values. */
export type { ForeignHeader, SecurityProbe } from './types.js';
export { probeLine } from './types.js';
export { probeRest, probeUpgrade, type ProbeRequest } from './probe.js';
export {
  SECURITY_MODES,
  embeddedEmulatorPolicy,
  securityModeFor,
  type EmulatorSecurityPolicy,
  type SecurityMode,
} from './mode.js';
export { FOREIGN_HOST, FOREIGN_ORIGIN } from './foreign.js';
