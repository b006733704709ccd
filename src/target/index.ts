/** Target selection: configuration, discovery, health probes and the hand-over to workers. */
export { readConfig } from './config.js';
export type { SuiteConfig } from './config.js';
export { probeHealth } from './probe.js';
export type { ProbeResult } from './probe.js';
export { candidateUrls, discover } from './discover.js';
export type { Discovery } from './discover.js';
export { requireHealthy, readVersion, resolveLiveTarget } from './resolve.js';
export type { Target } from './resolve.js';
export { exportTarget, importTarget, TARGET_ENV } from './env.js';
export { MODEL_WRITE_OPERATIONS, PROMPT_OPERATIONS, WRITE_OPERATIONS, readonlyRefusal } from './safety.js';
