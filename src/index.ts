/** The public API of the harness library (re-exports only). */
export * from './core/index.js';
export * from './contract/index.js';
export * from './validate/index.js';
export * from './checks/index.js';
export * from './client/index.js';
export * from './coverage/index.js';
export * from './target/index.js';
