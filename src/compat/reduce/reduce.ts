import { HTTP_METHODS, operationKey, unpointerToken } from '../paths.js';
import {
  type Json,
  stripOperation,
  stripParameter,
  stripRequestBody,
  stripResponse,
  stripSchema,
  stripSecurityScheme,
} from './strip.js';

/** Where an upstream document comes from, recorded in the reduced file's `info`. */
export interface UpstreamSource {
  /** Short label of the version, e.g. `upstream-2024-09`. */
  label: string;
  /** Repository and path the document was taken from. */
  origin?: string;
  /** Commit of the origin. */
  commit?: string;
  /** sha256 of the unreduced document. */
  sha256?: string;
}

/** One operation the reduction was asked to keep. */
export interface WantedOperation {
  /** Matching key (`METHOD /normalised/{}/path`). */
  key: string;
  /** The id the project's contract gives it. */
  contractId: string;
  /** True for a seed operation, false for a refined-contract neighbour. */
  seed: boolean;
}

/** What `reduceUpstream` produced. */
export interface ReduceResult {
  /** The reduced OpenAPI document. */
  doc: Json;
  /** Wanted operations found upstream, with the upstream operationId. */
  kept: Array<WantedOperation & { upstreamId: string; path: string; method: string }>;
  /** Wanted operations the upstream document lacks. */
  missing: WantedOperation[];
  /** Component names kept, per component type. */
  components: Record<string, string[]>;
}

function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Lists the operations to keep: every seed operation plus the refined contract's `x-pieces-neighbour` ones. */
export function wantedOperations(seed: Json, refined?: Json): WantedOperation[] {
  const out: WantedOperation[] = [];
  const seen = new Set<string>();
  const add = (doc: Json | undefined, isSeed: boolean): void => {
    for (const [path, item] of Object.entries((doc?.paths ?? {}) as Json)) {
      if (!isObj(item)) continue;
      for (const m of HTTP_METHODS) {
        const op = item[m];
        if (!isObj(op)) continue;
        if (!isSeed && op['x-pieces-neighbour'] !== true) continue;
        const key = operationKey(m, path);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ key, contractId: String(op.operationId ?? key), seed: isSeed });
      }
    }
  };
  add(seed, true);
  add(refined, false);
  return out;
}

function collectRefs(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const n of node) collectRefs(n, into);
    return;
  }
  if (!isObj(node)) return;
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string') into.add(v);
    else collectRefs(v, into);
  }
}

const STRIPPERS: Record<string, (v: unknown, name: string) => unknown> = {
  schemas: (v) => stripSchema(v),
  parameters: (v) => stripParameter(v),
  requestBodies: (v) => stripRequestBody(v),
  responses: (v, name) => stripResponse(v, name),
  headers: (v) => stripParameter(v),
  securitySchemes: (v) => stripSecurityScheme(v),
};

/** Reduces an upstream document to the wanted operations (matched by method + path) and the components they reach. */
export function reduceUpstream(upstream: Json, wanted: WantedOperation[], source: UpstreamSource): ReduceResult {
  const byKey = new Map(wanted.map((w) => [w.key, w]));
  const paths: Json = {};
  const kept: ReduceResult['kept'] = [];
  const found = new Set<string>();
  const usedTags = new Set<string>();
  for (const [path, item] of Object.entries((upstream.paths ?? {}) as Json)) {
    if (!isObj(item)) continue;
    for (const m of HTTP_METHODS) {
      const op = item[m];
      const w = byKey.get(operationKey(m, path));
      if (!isObj(op) || !w) continue;
      const reduced = stripOperation(op);
      reduced[w.seed ? 'x-seed-operation-id' : 'x-contract-operation-id'] = w.contractId;
      if (!w.seed) reduced['x-pieces-neighbour'] = true;
      for (const t of (reduced.tags ?? []) as unknown[]) usedTags.add(String(t));
      const target = (paths[path] ??= {}) as Json;
      if (Array.isArray(item.parameters) && !target.parameters) target.parameters = item.parameters.map(stripParameter);
      target[m] = reduced;
      found.add(w.key);
      kept.push({ ...w, upstreamId: String(op.operationId ?? ''), path, method: m });
    }
  }
  // Order paths as the wanted list is ordered (seed order first, then neighbours).
  const order = new Map(wanted.map((w, i) => [w.key, i]));
  const rank = (p: string): number =>
    Math.min(
      ...HTTP_METHODS.filter((m) => isObj((paths[p] as Json)[m])).map((m) => order.get(operationKey(m, p)) ?? 1e9),
    );
  const orderedPaths: Json = {};
  for (const p of Object.keys(paths).sort((a, b) => rank(a) - rank(b))) orderedPaths[p] = paths[p];

  const security = Array.isArray(upstream.security) ? upstream.security : undefined;
  const refs = new Set<string>();
  collectRefs(orderedPaths, refs);
  for (const req of security ?? [])
    for (const name of Object.keys(req as Json)) refs.add(`#/components/securitySchemes/${name}`);
  for (const p of Object.values(orderedPaths))
    for (const op of Object.values(p as Json)) {
      for (const req of ((op as Json).security ?? []) as Json[])
        for (const name of Object.keys(req)) refs.add(`#/components/securitySchemes/${name}`);
    }
  const comps = (upstream.components ?? {}) as Record<string, Json>;
  const out: Record<string, Json> = {};
  const queue = [...refs];
  const done = new Set<string>();
  while (queue.length) {
    const ref = queue.shift()!;
    if (done.has(ref)) continue;
    done.add(ref);
    const m = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref);
    if (!m) throw new Error(`Unsupported $ref ${ref}: only #/components/<type>/<name> references are reduced`);
    const [type, name] = [m[1], unpointerToken(m[2])];
    const def = comps[type]?.[name];
    if (def === undefined) throw new Error(`Dangling $ref ${ref} in the upstream document`);
    const strip = STRIPPERS[type] ?? ((v: unknown) => v);
    const reducedDef = strip(def, name);
    (out[type] ??= {})[name] = reducedDef;
    const more = new Set<string>();
    collectRefs(reducedDef, more);
    queue.push(...more);
  }
  const components: Json = {};
  const names: Record<string, string[]> = {};
  for (const type of Object.keys(out).sort()) {
    const sorted: Json = {};
    for (const n of Object.keys(out[type]).sort()) sorted[n] = out[type][n];
    components[type] = sorted;
    names[type] = Object.keys(sorted);
  }
  const info = (upstream.info ?? {}) as Json;
  const doc: Json = {
    openapi: upstream.openapi ?? '3.0.0',
    info: {
      title: `Pieces OS Local API (${source.label}, reduced)`,
      version: String(info.version ?? '1.0'),
      'x-upstream': {
        label: source.label,
        ...(source.origin ? { origin: source.origin } : {}),
        ...(source.commit ? { commit: source.commit } : {}),
        ...(source.sha256 ? { sha256: source.sha256 } : {}),
        license: 'MIT (see LICENSE.pieces-os-client-sdk-for-csharp.txt)',
      },
      'x-reduction':
        "Seed operations matched by method + path, the refined contract's neighbour operations, " +
        'and the components they reach; prose (description, summary, title, examples) and x-stoplight data dropped.',
    },
    ...(Array.isArray(upstream.servers)
      ? {
          servers: upstream.servers
            .filter(isObj)
            .map((s) => ({ url: s.url }))
            .filter((s) => String(s.url).includes('localhost')),
        }
      : {}),
    ...(security ? { security } : {}),
    tags: [...usedTags].map((name) => ({ name })),
    paths: orderedPaths,
    components,
  };
  return { doc, kept, missing: wanted.filter((w) => !found.has(w.key)), components: names };
}
