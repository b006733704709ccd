import type { Change, CompatRule, Severity } from './types.js';
import type { DocView, OperationView } from './view.js';

/** Builds a Change for an operation. */
export function makeChange(
  rule: string,
  op: OperationView,
  location: string,
  severity: Severity,
  message: string,
): Change {
  return { rule, operation: op.id, key: op.key, location, severity, message };
}

/** Declares a rule: a name, a one-line summary and a check `(oldDoc, newDoc) => Change[]`. */
export function defineRule(
  name: string,
  summary: string,
  check: (oldDoc: DocView, newDoc: DocView) => Change[],
): CompatRule {
  return { name, summary, check };
}

/** Lists values for a message, eliding after `max`. */
export function listValues(values: string[], max = 5): string {
  const shown = values.slice(0, max).join(', ');
  return values.length > max ? `${shown} (+${values.length - max} more)` : shown;
}
