/** Public surface of the fuzz arbitraries: the schema converter, domain strings, bodies and invalid variants. */
export * from './types.js';
export { schemaArbitrary } from './schemaArbitrary.js';
export { resolveSchema, expandBranches } from './schema/merge.js';
export { stableStringify, jsonEqual, jsonType, codePointLength } from './schema/json.js';
export * from './domain/index.js';
export * from './invalid/index.js';
export * from './bodies/index.js';
