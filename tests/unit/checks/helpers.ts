/** Hand-made exchanges for the check tests: one line builds a request + response against the contract. */
import type { Exchange, Intent } from '../../../src/core/types.js';
import { loadSpec } from '../../../src/contract/load.js';
import { buildValidators } from '../../../src/validate/validators.js';
import type { CheckContext } from '../../../src/checks/types.js';

export const spec = await loadSpec('spec/pieces-os.openapi.yaml');
export const strict = buildValidators(spec, 'strict');
export const lenient = buildValidators(spec, 'lenient');

/** What an exchange row needs; everything else has a default. */
export interface ExchangeSpec {
  op: string;
  status?: number;
  contentType?: string | null;
  body?: unknown;
  intent?: Intent;
  error?: string;
  note?: string;
}

let n = 0;

/** An exchange of `op` answered with status/contentType/body (objects become JSON). */
export function exchange(s: ExchangeSpec): Exchange {
  const op = spec.operations.get(s.op);
  const headers: Record<string, string> = {};
  if (s.contentType !== null) headers['content-type'] = s.contentType ?? 'application/json';
  const body = s.body === undefined ? '' : typeof s.body === 'string' ? s.body : JSON.stringify(s.body);
  return {
    id: `t-${++n}`,
    operationId: op?.operationId,
    request: { method: op?.method ?? 'GET', url: `http://127.0.0.1:1${op?.path ?? '/'}`, headers: {} },
    ...(s.error ? { error: s.error } : { response: { status: s.status ?? 200, headers, body } }),
    startedAt: 0,
    durationMs: s.error ? 10_004 : 3,
    intent: s.intent ?? 'positive',
    ...(s.note ? { note: s.note } : {}),
  };
}

/** The context a check gets for an exchange of `op`. */
export function ctxFor(op: string | undefined, validators = strict): CheckContext {
  return { validators, operation: op ? spec.operations.get(op) : undefined };
}

/** A valid Asset body (what the emulator answers for a created asset, trimmed to the required core). */
export function validAsset(id = 'a1') {
  const ts = { value: '2026-01-01T00:00:00.000Z' };
  const app = { id: 'app', name: 'OPEN_SOURCE', version: '1', platform: 'LINUX', onboarded: true, privacy: 'OPEN' };
  const format = {
    id: 'f1',
    creator: 'u',
    classification: { generic: 'CODE', specific: 'ts' },
    role: 'ORIGINAL',
    application: app,
    asset: { id },
    bytes: { value: 3, readable: '3 B' },
    created: ts,
    updated: ts,
    fragment: { string: { raw: 'x' } },
  };
  return {
    id,
    creator: 'u',
    created: ts,
    updated: ts,
    mechanism: 'MANUAL',
    formats: { iterable: [format] },
    preview: { base: { id: 'f1' } },
    original: { id: 'f1', reference: { ...format, asset: id } },
  };
}
