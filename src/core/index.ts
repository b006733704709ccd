/** The harness core: shared types, the two error families and the registry. */
export * from './types.js';
export * from './errors.js';
export * from './registry.js';
export * from './pointer.js';
