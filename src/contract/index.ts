/** Contract loading and the operation index. */
export * from './types.js';
export { loadSpec, describeSpecError } from './load.js';
export { refinementProblems } from './refinement.js';
export type { RefinementProblem } from './refinement.js';
export { indexOperations, matchOperation, pathMatchers, pointerToken } from './operations.js';
export type { PathMatcher } from './operations.js';

/** The project's refined contract, relative to the repository root. */
export const DEFAULT_SPEC = 'spec/pieces-os.openapi.yaml';
export { BUNDLED_CONTRACT } from './bundled.js';
