/** Invalid variants: mutation listing and the invalidVariant arbitrary. */
export { invalidVariant, type InvalidVariantOptions } from './invalidVariant.js';
export { listMutations, type CandidateMutation } from './mutations.js';
export { applyEdit, toPointer, toDotted, type Edit, type Segments } from './pointer.js';
export { BROKEN_FORMATS } from './breakers.js';
