/** Turning Ajv errors into the harness's own Diagnostic shape (prism `convertAjvErrors`). */
import type { ErrorObject } from 'ajv';
import type { Diagnostic, Severity } from '../core/types.js';
import { unpointerToken } from '../core/pointer.js';

/** `/iterable/3/id` → `iterable[3].id` (JSON pointer unescaped, RFC 6901 §4). */
export function dottedPath(instancePath: string): string {
  if (!instancePath) return '';
  return instancePath
    .split('/')
    .slice(1)
    .map(unpointerToken)
    .reduce((acc, t) => (/^\d+$/.test(t) ? `${acc}[${t}]` : acc ? `${acc}.${t}` : t), '');
}

/** A short list of allowed enum values for a message. */
function allowedList(values: unknown[]): string {
  const shown = values
    .slice(0, 6)
    .map((v) => JSON.stringify(v))
    .join(', ');
  return values.length > 6 ? `${shown}, ... (${values.length} values)` : shown;
}

/** One Ajv error as a Diagnostic; `prefix` names the side and location (`response body`). */
export function toDiagnostic(err: ErrorObject, prefix: string, severity: Severity = 'error'): Diagnostic {
  const path = dottedPath(err.instancePath);
  const where = path ? `${prefix} ${path}` : prefix;
  let message = err.message ?? `fails ${err.keyword}`;
  if (err.keyword === 'enum') message += ` (allowed: ${allowedList((err.params as any).allowedValues ?? [])})`;
  if (err.keyword === 'additionalProperties') message += ` (${(err.params as any).additionalProperty})`;
  return { location: where, keyword: err.keyword, message: `${where} ${message}`, severity };
}

/**
 * Ajv reports an `anyOf`/`oneOf` failure together with every branch's errors; the branch errors
 * of a failed `anyOf` whose parent error is present are noise for a reader, so keep the parent and
 * at most the first branch's errors.
 */
export function pruneBranchNoise(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  const out: ErrorObject[] = [];
  for (const e of errors) {
    const key = `${e.instancePath}|${e.keyword}|${e.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}
