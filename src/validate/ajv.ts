/** Ajv instances per JSON Schema dialect (prism `validators/utils.ts`): built once, formats added. */
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Options } from 'ajv';

// ajv-formats is CommonJS; under ESM its default export may arrive wrapped.
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: any) => unknown;

/** The JSON Schema dialect of a contract: OpenAPI 3.0 (draft-04-ish + nullable) or 3.1 (2020-12). */
export type Dialect = '3.0' | '3.1';

/** A new Ajv for the dialect; `allErrors` for full diagnostics, `coerceTypes` for parameters only. */
export function createAjv(dialect: Dialect, opts: { allErrors?: boolean; coerceTypes?: boolean } = {}): Ajv {
  const options: Options = {
    strict: false, // OpenAPI schemas carry keywords JSON Schema does not know (example, xml, x-*)
    allErrors: opts.allErrors ?? false,
    coerceTypes: opts.coerceTypes ?? false,
    validateFormats: true,
    verbose: false,
    // OpenAPI 3.0's `nullable` is understood by Ajv itself (its `nullable` keyword support).
  };
  const ajv = dialect === '3.1' ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv);
  // OpenAPI format names that JSON Schema does not define: accepted, not checked.
  for (const name of ['int32', 'int64', 'float', 'double', 'password', 'binary']) {
    if (!ajv.formats[name]) ajv.addFormat(name, true);
  }
  return ajv as Ajv;
}
