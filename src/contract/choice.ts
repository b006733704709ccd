/**
 * Which contract judges (`--contract ID|FILE`, PIECES_CONTRACT): an id of spec/versions/index.yaml
 * (`seed`, `upstream-2024-09`, ..., `refined`) or any OpenAPI 3.0/3.1 file a user brings. The suites
 * send the refined contract's operations (the typed client); the chosen contract judges them. Its
 * operations are named as the suites name them, so a failure, a coverage row and a scenario speak of
 * the same operation whichever contract judges: an operation's `x-seed-operation-id`, else the
 * reference operation with the same method and path (path parameters' names aside), else its own id.
 * An operation the chosen contract lacks is "not in the contract": reported, never failed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { HarnessError } from '../core/errors.js';
import type { LoadedSpec, Operation } from './types.js';
import { indexOperations } from './operations.js';
import { fixPatterns } from './patterns.js';

/** The versions index shipped beside the refined contract (spec/ in a checkout, dist/spec installed). */
export const VERSIONS_INDEX = fileURLToPath(new URL('../../spec/versions/index.yaml', import.meta.url));

/** The id of the contract that judges when none is chosen. */
export const DEFAULT_CONTRACT_ID = 'refined';

/** The contract a run is judged by. */
export interface ContractChoice {
  /** The index id (`upstream-2025-02`), or `file` for a user's file. */
  id: string;
  /** How reports name it: `upstream 2025-02`, or the file as given. */
  label: string;
  /** Absolute path of the OpenAPI document. */
  file: string;
  /** Where it comes from (the index's `origin`), for the report header. */
  origin?: string;
}

interface IndexEntry {
  id: string;
  label?: string;
  file: string;
  origin?: string;
}

/** The versions of spec/versions/index.yaml. */
export function contractVersions(indexFile = VERSIONS_INDEX): ContractChoice[] {
  const doc = parse(readFileSync(indexFile, 'utf8')) as { versions?: IndexEntry[] };
  const dir = resolve(indexFile, '..');
  return (doc?.versions ?? []).map((v) => ({
    id: v.id,
    label: v.label ?? v.id,
    file: join(dir, v.file),
    ...(v.origin ? { origin: v.origin } : {}),
  }));
}

/**
 * The contract `value` names: an index id, or a file (relative to `cwd`). Unset: the refined
 * contract. Neither an id nor an existing file is a usage error naming the ids.
 */
export function resolveContractChoice(value: string | undefined, cwd = process.cwd()): ContractChoice {
  const versions = contractVersions();
  const wanted = value?.trim() || DEFAULT_CONTRACT_ID;
  const byId = versions.find((v) => v.id === wanted);
  if (byId) return byId;
  const file = isAbsolute(wanted) ? wanted : resolve(cwd, wanted);
  if (!existsSync(file)) {
    throw new HarnessError(
      'usage',
      `--contract ${wanted}: neither a contract id nor a file`,
      `ids: ${versions.map((v) => v.id).join(', ')}; or the path of an OpenAPI 3.0/3.1 document`,
    );
  }
  return { id: 'file', label: wanted, file };
}

/** One line for report headers: `upstream 2025-02 (Pieces OS API 1.0.0)`. */
export function describeContract(choice: ContractChoice, spec: Pick<LoadedSpec, 'title' | 'version'>): string {
  const doc = [spec.title, spec.version].filter(Boolean).join(' ');
  return doc ? `${choice.label} (${doc})` : choice.label;
}

/** `METHOD /path/{}`: an operation's method and path with its parameters' names left out. */
export function shapeKey(op: Pick<Operation, 'method' | 'path'>): string {
  return `${op.method.toUpperCase()} ${op.path.replace(/\{[^}]+\}/g, '{}').replace(/\/+$/, '')}`;
}

/**
 * The chosen contract with its operations named as the reference (the suites' own contract) names
 * them. Two operations that would share a name keep their own ids (the second is then not matched).
 */
export function judgingSpec(chosen: LoadedSpec, reference: LoadedSpec): LoadedSpec {
  if (chosen === reference) return chosen;
  // Patterns Ajv cannot compile (upstream's `\-`) are rewritten in copies; the indexed operations
  // are rebuilt from the fixed dereferenced copy so their parameter schemas are fixed too.
  const document = structuredClone(chosen.document);
  const dereferenced = structuredClone(chosen.dereferenced);
  const fixes = fixPatterns(document).length + fixPatterns(dereferenced).length;
  const source = fixes ? indexOperations(dereferenced, chosen.file) : chosen.operations;
  const byShape = new Map([...reference.operations.values()].map((op) => [shapeKey(op), op.operationId]));
  const operations = new Map<string, Operation>();
  for (const op of source.values()) {
    const seedId = op.extensions['x-seed-operation-id'];
    const name = (typeof seedId === 'string' ? seedId : undefined) ?? byShape.get(shapeKey(op)) ?? op.operationId;
    const key = operations.has(name) ? op.operationId : name;
    operations.set(key, key === op.operationId ? op : { ...op, operationId: key });
  }
  return { ...chosen, document, dereferenced, operations };
}

/** The operations of the reference that the chosen contract lacks (by name, after `judgingSpec`). */
export function notInContract(judging: LoadedSpec, reference: LoadedSpec): string[] {
  return [...reference.operations.keys()].filter((id) => !judging.operations.has(id));
}

/** The chosen contract, loaded and named as the suites name operations, with its report label. */
export async function loadJudgingContract(
  value: string | undefined,
  cwd = process.cwd(),
): Promise<{ choice: ContractChoice; spec: LoadedSpec; label: string }> {
  const { loadSpec } = await import('./load.js');
  const { BUNDLED_CONTRACT } = await import('./bundled.js');
  const choice = resolveContractChoice(value, cwd);
  const reference = await loadSpec(BUNDLED_CONTRACT);
  const chosen = resolve(choice.file) === resolve(BUNDLED_CONTRACT) ? reference : await loadSpec(choice.file);
  const spec = judgingSpec(chosen, reference);
  return { choice, spec, label: describeContract(choice, spec) };
}
