/**
 * The one registry every check is registered in. It lives apart from registry.ts (which imports
 * every check module) so that a check module can register itself on import without a cycle.
 */
import { Registry } from '../core/registry.js';
import type { Check } from './types.js';

/** Every registered check, in registration order; a duplicate name is refused. */
export const checkRegistry = new Registry<Check<any>>('check');

/** Registers a check and returns it (so a module can `export default registerCheck(defineCheck(...))`). */
export function registerCheck<S>(check: Check<S>): Check<S> {
  checkRegistry.register(check);
  return check;
}
