/**
 * Shared helpers of the emulator's unit tests: an emulator on Fastify `inject` (no socket), a
 * request shortcut, and an independent strict validator of responses against the contract
 * (additionalProperties:false added everywhere, so that the emulator never answers a field the
 * contract does not define).
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { resolveOptions, type EmulatorOptions } from '../../../emulator/index.js';
import { FaultSet } from '../../../emulator/faults/index.js';
import { buildServer } from '../../../emulator/server.js';
import { loadContract } from '../../../emulator/contract.js';

const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv) => unknown;

/** An emulator reachable through `inject`, plus its context for white-box assertions. */
export interface TestEmulator {
  app: FastifyInstance;
  close(): Promise<void>;
}

/** Builds an in-memory emulator (fast pacing) without listening. */
export async function makeEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const resolved = resolveOptions({ streamDelayMs: 0, downloadMs: 40, ...options });
  const { app } = await buildServer(resolved, new FaultSet(options.faults ?? []));
  return { app, close: () => app.close() };
}

/** One answered request. */
export interface Answer {
  status: number;
  type: string;
  text: string;
  json: any;
}

/** Sends a request through inject; a `body` is sent as JSON, `raw` as is. */
export async function call(
  em: TestEmulator,
  method: 'GET' | 'POST' | 'OPTIONS',
  url: string,
  opts: { body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { host: '127.0.0.1:39300', ...opts.headers };
  let payload: string | undefined;
  if (opts.body !== undefined) {
    payload = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  if (opts.raw !== undefined) {
    payload = opts.raw;
    headers['content-type'] ??= 'application/json';
  }
  const r = await em.app.inject({ method, url, headers, payload });
  const type = String(r.headers['content-type'] ?? '');
  let json: any;
  if (type.startsWith('application/json')) json = JSON.parse(r.body);
  return { status: r.statusCode, type, text: r.body, json };
}

let ajv: Ajv | undefined;
const cache = new Map<string, ValidateFunction<any>>();

function closed(node: any): any {
  if (Array.isArray(node)) return node.map(closed);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, any> = {};
  for (const [k, v] of Object.entries(node))
    out[k] =
      k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, closed(s)])) : closed(v);
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

/** A strict validator of a component schema (closed objects, enums enforced). */
export function strictValidator(schemaName: string): ValidateFunction<any> {
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const f of ['int32', 'int64', 'float', 'double']) ajv.addFormat(f, true);
    ajv.addSchema({
      $id: 'https://test.local/spec',
      components: { schemas: closed(loadContract().doc.components.schemas) },
    });
  }
  let v = cache.get(schemaName);
  if (!v)
    cache.set(schemaName, (v = ajv.compile({ $ref: `https://test.local/spec#/components/schemas/${schemaName}` })));
  return v;
}

/** The response schema name of an operation's status (its `$ref`), if JSON. */
function responseSchema(operationId: string, status: number): { media: string; schema?: string } {
  const op = loadContract().operations.get(operationId);
  assert.ok(op, `unknown operation ${operationId}`);
  const media = op.responses[String(status)];
  assert.ok(media !== undefined || status === 101, `${operationId} does not document status ${status}`);
  const raw = loadContract().doc.paths[op.path][op.method.toLowerCase()].responses[String(status)];
  const ref: string | undefined = raw?.content?.['application/json']?.schema?.$ref;
  return { media: media!, schema: ref?.split('/').pop() };
}

/** Asserts that an answer is documented for the operation: status, media type and body schema. */
export function assertConforms(operationId: string, a: Answer): void {
  const { media, schema } = responseSchema(operationId, a.status);
  assert.equal(a.type.split(';')[0], media, `${operationId} ${a.status}: media type`);
  if (schema) {
    const v = strictValidator(schema);
    assert.ok(v(a.json), `${operationId} ${a.status} body breaks ${schema}: ${JSON.stringify(v.errors?.slice(0, 3))}`);
  }
}

/** A valid Application, as clients send it. */
export const APP = Object.freeze({
  id: '5f6c8bde-5ad1-4a3c-9b9a-0f2d6f1c2a11',
  name: 'OPEN_SOURCE',
  version: '1.0.0',
  platform: 'LINUX',
  onboarded: true,
  privacy: 'OPEN',
});

/** A create-asset Seed with the given content (and optional name / ext). */
export function seed(raw: string, opts: { name?: string; ext?: string } = {}) {
  return {
    type: 'SEEDED_ASSET',
    asset: {
      application: APP,
      format: { fragment: { string: { raw }, ...(opts.ext ? { metadata: { ext: opts.ext } } : {}) } },
      ...(opts.name !== undefined ? { metadata: { name: opts.name } } : {}),
    },
  };
}

/** Creates an asset and answers its JSON. */
export async function createAsset(
  em: TestEmulator,
  raw: string,
  opts: { name?: string; ext?: string } = {},
): Promise<any> {
  const a = await call(em, 'POST', '/assets/create', { body: seed(raw, opts) });
  assert.equal(a.status, 200, a.text);
  return a.json;
}
