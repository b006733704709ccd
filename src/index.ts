/** The public API of the harness library (re-exports only). */
export * from './core/index.js';
export * from './spec/index.js';
export * from './validate/index.js';
