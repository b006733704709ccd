/** HTTP methods an OpenAPI Path Item can hold, in a stable order. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** One HTTP method, lower case. */
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Replaces every path-parameter name with `{}` so `/asset/{id}` and `/asset/{asset}` match. */
export function normalizePath(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}

/** The matching key of an operation: `METHOD /normalised/{}/path`. */
export function operationKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${normalizePath(path)}`;
}

/** Escapes one JSON-pointer token (RFC 6901 section 3). */
export function pointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Decodes one JSON-pointer token (RFC 6901 section 4). */
export function unpointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}
