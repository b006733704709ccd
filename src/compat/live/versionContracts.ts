/**
 * Each contract version's loaded contract and validators, for the live verdicts: the bundled
 * document, its dereferenced twin and the operation index (what `loadSpec` makes of a file), built
 * from the already loaded version, and its lenient validators.
 *
 * Upstream documents write regular expressions that only compile without the `u` flag (`\-` outside
 * a character class, an identity escape Unicode mode refuses); Ajv compiles patterns with `u`. Such
 * escapes are dropped (same language); a pattern that still does not compile is removed, and listed.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { HarnessError } from '../../core/errors.js';
import { fixPatterns } from '../../contract/patterns.js';
import { indexOperations } from '../../contract/operations.js';
import type { LoadedSpec } from '../../contract/types.js';
import { buildValidators, type ValidatorSet } from '../../validate/validators.js';
import type { ContractVersion } from '../types.js';

export { fixPatterns, unicodeSafePattern } from '../../contract/patterns.js';

/** A version's loaded contract, with the patterns that had to be changed. */
export interface VersionContract {
  spec: LoadedSpec;
  /** `pointer: old -> new` (or `removed`) for every pattern rewritten for Unicode mode. */
  patternFixes: string[];
}

/** Builds the LoadedSpec of a version (a copy: the version's document is not changed). */
export async function versionContract(version: Pick<ContractVersion, 'id' | 'file' | 'doc'>): Promise<VersionContract> {
  const document = structuredClone(version.doc) as Record<string, any>;
  const patternFixes = fixPatterns(document);
  let dereferenced: Record<string, any>;
  try {
    dereferenced = (await SwaggerParser.dereference(structuredClone(document) as any)) as Record<string, any>;
  } catch (err: any) {
    throw new HarnessError(
      'spec',
      `${version.file}: contract version ${version.id} does not dereference: ${String(err?.message ?? err).split('\n')[0]}`,
    );
  }
  const openapi = String(document.openapi ?? '');
  return {
    spec: {
      file: version.file,
      dialect: openapi.startsWith('3.1') ? '3.1' : '3.0',
      title: String(document.info?.title ?? version.id),
      version: String(document.info?.version ?? ''),
      document,
      dereferenced,
      operations: indexOperations(dereferenced, version.file),
    },
    patternFixes,
  };
}

/** A version ready to judge: its loaded contract and its lenient validators. */
export interface PreparedVersion {
  id: string;
  spec: LoadedSpec;
  validators: ValidatorSet;
  patternFixes: string[];
}

/**
 * Builds every version's contract and lenient validators (the slow part: every schema is compiled;
 * it needs no exchange, so it can run while the conformance run does).
 */
export async function prepareVersions(
  versions: readonly Pick<ContractVersion, 'id' | 'file' | 'doc'>[],
): Promise<PreparedVersion[]> {
  const out: PreparedVersion[] = [];
  for (const v of versions) {
    const { spec, patternFixes } = await versionContract(v);
    out.push({ id: v.id, spec, validators: buildValidators(spec, 'lenient'), patternFixes });
  }
  return out;
}
