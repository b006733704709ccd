/** JSON pointers (RFC 6901) and the HTTP methods of an OpenAPI Path Item: shared by every layer. */

/** HTTP methods an OpenAPI Path Item can hold, in a stable order. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Escapes one JSON-pointer token (RFC 6901 §3: `~` → `~0`, `/` → `~1`). */
export function pointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Decodes one JSON-pointer token (RFC 6901 §4: `~1` → `/`, then `~0` → `~`). */
export function unpointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}
