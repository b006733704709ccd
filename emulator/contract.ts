/**
 * The contract, loaded by the emulator itself (it imports nothing from src/ so that it stays
 * independent of the harness that judges it). Parsed once per process.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** A query parameter of an operation, reduced to what the emulator coerces. */
export interface QueryParam {
  name: string;
  type: 'boolean' | 'string' | 'integer' | 'number';
}

/** One operation of the contract, as the router needs it. */
export interface ContractOperation {
  operationId: string;
  method: 'GET' | 'POST';
  /** The OpenAPI path template, e.g. `/asset/{asset}`. */
  path: string;
  tag: string;
  websocket: boolean;
  query: QueryParam[];
  /** The request body schema (with `#/components/schemas/...` refs), when the operation has one. */
  body?: { schema: object; required: boolean };
  /** Documented statuses mapped to their media type (undefined: no body). */
  responses: Record<string, string | undefined>;
}

/** The loaded contract: raw document plus the operation index. */
export interface LoadedContract {
  doc: any;
  operations: Map<string, ContractOperation>;
}

/** Where the contract lives, relative to this file (emulator/ sits beside spec/). */
const CONTRACT_PATH = fileURLToPath(new URL('../spec/pieces-os.openapi.yaml', import.meta.url));

// Parsing the YAML takes about half a second; its JSON form, keyed by the text's hash, is kept in
// node_modules/.cache (the usual place for tool caches) so that later processes load it in ms.
const CACHE_DIR = fileURLToPath(new URL('../node_modules/.cache/pieces-os-emulator/', import.meta.url));

let cached: LoadedContract | undefined;

function parseContract(): any {
  const text = readFileSync(CONTRACT_PATH, 'utf8');
  const file = join(CACHE_DIR, `spec-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    /* not cached yet */
  }
  const doc = parse(text);
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.${process.pid}`, JSON.stringify(doc));
    // Renamed into place so that a concurrent reader never sees half a file.
    renameSync(`${file}.${process.pid}`, file);
  } catch {
    /* a read-only tree: parse every time */
  }
  return doc;
}

/** The contract, parsed and indexed once per process. */
export function loadContract(): LoadedContract {
  if (cached) return cached;
  const doc = parseContract();
  cached = { doc, operations: indexOperations(doc) };
  return cached;
}

/** Follows a local `$ref` (`#/components/...`) inside the document. */
function resolveRef(doc: any, node: any): any {
  let cur = node;
  while (cur && typeof cur === 'object' && typeof cur.$ref === 'string') {
    cur = cur.$ref
      .slice(2)
      .split('/')
      .reduce((o: any, k: string) => o?.[k], doc);
  }
  return cur;
}

function indexOperations(doc: any): Map<string, ContractOperation> {
  const out = new Map<string, ContractOperation>();
  for (const [path, item] of Object.entries<any>(doc.paths ?? {})) {
    for (const method of ['get', 'post'] as const) {
      const op = item[method];
      if (!op) continue;
      const query: QueryParam[] = [];
      for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
        const param = resolveRef(doc, p);
        if (param.in !== 'query') continue;
        query.push({ name: param.name, type: resolveRef(doc, param.schema)?.type ?? 'string' });
      }
      const rb = resolveRef(doc, op.requestBody);
      const responses: Record<string, string | undefined> = {};
      for (const [status, r] of Object.entries<any>(op.responses ?? {})) {
        const resp = resolveRef(doc, r);
        responses[status] = resp.content ? Object.keys(resp.content)[0] : undefined;
      }
      out.set(op.operationId, {
        operationId: op.operationId,
        method: method.toUpperCase() as 'GET' | 'POST',
        path,
        tag: op.tags?.[0] ?? '',
        websocket: op['x-websocket'] === true,
        query,
        body: rb ? { schema: rb.content['application/json'].schema, required: rb.required === true } : undefined,
        responses,
      });
    }
  }
  return out;
}
