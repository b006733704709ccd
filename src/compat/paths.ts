export { HTTP_METHODS, pointerToken, unpointerToken } from '../core/pointer.js';

/** Replaces every path-parameter name with `{}` so `/asset/{id}` and `/asset/{asset}` match. */
export function normalizePath(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}

/** The matching key of an operation: `METHOD /normalised/{}/path`. */
export function operationKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${normalizePath(path)}`;
}
