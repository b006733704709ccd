/** Validators compiled from a contract, and their diagnostics. */
export { ValidatorSet, buildValidators } from './validators.js';
export type { BodyValidation } from './validators.js';
export { VALIDATION_MODES, type ValidationMode } from './mode.js';
export { createAjv } from './ajv.js';
export type { Dialect } from './ajv.js';
export { dottedPath, toDiagnostic } from './diagnostics.js';
export { essence, isJsonMedia, mediaFor, responseFor } from './media.js';
export { transformDocument } from './transform.js';
