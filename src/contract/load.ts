/** Loading a contract: parse, validate, bundle and dereference with @apidevtools/swagger-parser. */
import SwaggerParser from '@apidevtools/swagger-parser';
import { existsSync } from 'node:fs';
import { HarnessError } from '../core/errors.js';
import { indexOperations } from './operations.js';
import type { LoadedSpec } from './types.js';

/** The first Ajv-style detail of a swagger-parser validation error, as `pointer: message`. */
function firstDetail(err: any): string | undefined {
  const d = Array.isArray(err?.details) ? err.details[0] : undefined;
  if (!d) return undefined;
  const pointer = d.instancePath === '' ? '#' : `#${d.instancePath}`;
  const extra = d.params?.additionalProperty ? ` (${d.params.additionalProperty})` : '';
  return `${pointer}: ${d.message}${extra}`;
}

/** One line naming the file and the JSON pointer of what is wrong, from any swagger-parser error. */
export function describeSpecError(file: string, err: any): string {
  const detail = firstDetail(err);
  if (detail) return `${file}: ${detail}`;
  const msg = String(err?.message ?? err).split('\n')[0];
  const ptr =
    typeof err?.path === 'string' ? err.path : Array.isArray(err?.path) ? `#/${err.path.join('/')}` : undefined;
  return ptr && !msg.includes(ptr) ? `${file}: ${ptr}: ${msg}` : `${file}: ${msg}`;
}

/** Loads, validates and dereferences an OpenAPI 3.0/3.1 document; a broken one is a HarnessError. */
export async function loadSpec(file: string): Promise<LoadedSpec> {
  if (!existsSync(file)) {
    throw new HarnessError('spec', `${file}: no such contract file`, 'pass the path of an OpenAPI document');
  }
  let document: Record<string, any>;
  let dereferenced: Record<string, any>;
  try {
    document = (await SwaggerParser.bundle(file)) as Record<string, any>;
    dereferenced = (await SwaggerParser.validate(structuredClone(document) as any)) as Record<string, any>;
  } catch (err) {
    throw new HarnessError('spec', describeSpecError(file, err), 'fix the contract document');
  }
  const version = String(document.openapi ?? '');
  if (!/^3\.[01]\./.test(version)) {
    throw new HarnessError(
      'spec',
      `${file}: #/openapi: unsupported version "${version || document.swagger}"`,
      'use OpenAPI 3.0 or 3.1',
    );
  }
  return {
    file,
    dialect: version.startsWith('3.1') ? '3.1' : '3.0',
    title: String(document.info?.title ?? ''),
    version: String(document.info?.version ?? ''),
    document,
    dereferenced,
    operations: indexOperations(dereferenced, file),
  };
}
