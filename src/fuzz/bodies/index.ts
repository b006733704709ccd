/** Valid request bodies built from the contract passed in, with realistic content plugged in. */
export * from './spec.js';
export * from './realistic.js';
export * from './seed.js';
export * from './qgpt.js';
export * from './others.js';
