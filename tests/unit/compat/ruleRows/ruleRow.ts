/** One case of a compat rule: two documents and the changes the rule must report between them. */
import type { Json, Severity } from '../../../../src/compat/types.js';

export interface RuleRow {
  rule: string;
  title: string;
  old: Json;
  new: Json;
  /** Expected [severity, location] per change, in order. */
  expect: Array<[Severity, string]>;
  /** Text the first change's message must contain. */
  says?: string;
}

export const R200 = '/responses/200/content/application~1json/schema';
export const REQ = '/requestBody/content/application~1json/schema';
export const ok = { '200': { description: 'OK' } };
export const q = (name: string, extra: Json = {}): Json => ({
  name,
  in: 'query',
  schema: { type: 'boolean' },
  ...extra,
});
