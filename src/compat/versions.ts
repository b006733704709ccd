import SwaggerParser from '@apidevtools/swagger-parser';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import type { ContractVersion, Json } from './types.js';

/** Default location of the versions index, relative to the repository root. */
export const DEFAULT_INDEX = 'spec/versions/index.yaml';

/** Loads and bundles (external refs made internal) one OpenAPI document. */
export async function loadDocument(file: string): Promise<Json> {
  return (await SwaggerParser.bundle(file)) as unknown as Json;
}

/** Reads the versions index and loads every version's document, in index order. */
export async function loadVersions(
  indexFile: string = DEFAULT_INDEX,
  root: string = process.cwd(),
): Promise<ContractVersion[]> {
  const index = parse(await readFile(resolve(root, indexFile), 'utf8')) as { versions?: Json[] };
  if (!Array.isArray(index?.versions)) throw new Error(`${indexFile}: expected a "versions" list`);
  const dir = dirname(resolve(root, indexFile));
  const out: ContractVersion[] = [];
  for (const v of index.versions) {
    if (typeof v.id !== 'string' || typeof v.file !== 'string')
      throw new Error(`${indexFile}: every version needs "id" and "file"`);
    const abs = join(dir, v.file);
    out.push({
      id: v.id,
      label: String(v.label ?? v.id),
      file: relative(root, abs),
      date: typeof v.date === 'string' ? v.date : null,
      origin: String(v.origin ?? ''),
      era: String(v.era ?? ''),
      sdk: Array.isArray(v.sdk) ? v.sdk.map(String) : [],
      pos: v.pos == null ? null : String(v.pos),
      ...(v.refined === true ? { refined: true } : {}),
      doc: await loadDocument(abs),
    });
  }
  return out;
}
