/** Where the contract the package ships lives, wherever the package is installed. */
import { fileURLToPath } from 'node:url';

/**
 * The refined OpenAPI contract shipped with the harness: spec/ beside src/ in a checkout, and
 * dist/spec beside dist/src in the installed package (the build copies it there).
 */
export const BUNDLED_CONTRACT = fileURLToPath(new URL('../../spec/pieces-os.openapi.yaml', import.meta.url));
