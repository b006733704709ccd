/**
 * Validators for a loaded contract, compiled once per operation × status × media type (responses)
 * and per operation (request bodies, parameters), as openapi-backend's OpenAPIValidator does.
 * Schemas are compiled through `$ref`s into the bundled document, so each component is compiled
 * once per Ajv instance. Two instances: a fast one (first error only) answers "valid?"; a detailed
 * one (all errors) is used only when something failed, to list every diagnostic.
 */
import type { Ajv, ValidateFunction } from 'ajv';
import type { Diagnostic } from '../core/types.js';
import { HarnessError } from '../core/errors.js';
import type { LoadedSpec, Operation, Parameter } from '../contract/types.js';
import { pointerToken, unpointerToken } from '../core/pointer.js';
import { createAjv } from './ajv.js';
import { pruneBranchNoise, toDiagnostic } from './diagnostics.js';
import { isJsonMedia, mediaFor, responseFor } from './media.js';
import { transformDocument, type Direction } from './transform.js';

import type { ValidationMode } from './mode.js';

export type { ValidationMode } from './mode.js';

/** The outcome of validating one body or message. */
export interface BodyValidation {
  /** false when the contract documents no schema for it (nothing was checked). */
  checked: boolean;
  diagnostics: Diagnostic[];
}

interface Compiled {
  fast: ValidateFunction;
  pointer: string;
  direction: Direction;
}

/** Every validator of one contract, in one mode. */
export class ValidatorSet {
  private readonly fastAjv: Ajv;
  private readonly fullAjv: Ajv;
  private readonly paramAjv: Ajv;
  private readonly bodies = new Map<string, Compiled>();
  private readonly params = new Map<string, ValidateFunction>();
  private readonly detailed = new Map<string, ValidateFunction>();

  constructor(
    readonly spec: LoadedSpec,
    readonly mode: ValidationMode = 'strict',
  ) {
    this.fastAjv = createAjv(spec.dialect);
    this.fullAjv = createAjv(spec.dialect, { allErrors: true });
    this.paramAjv = createAjv(spec.dialect, { allErrors: true, coerceTypes: true });
    for (const direction of ['request', 'response'] as const) {
      for (const lenient of mode === 'lenient' ? [false, true] : [false]) {
        const doc = transformDocument(spec.document, { direction, lenient });
        const id = docId(direction, lenient);
        this.fastAjv.addSchema(doc, id);
        this.fullAjv.addSchema(doc, id);
      }
    }
    this.compileAll();
  }

  /** Compiles every documented body schema now, so a broken schema fails at load, not mid-run. */
  private compileAll(): void {
    for (const op of this.spec.operations.values()) {
      for (const [status, r] of Object.entries(op.responses)) {
        for (const [media, schema] of Object.entries(r.content)) {
          if (!schema) continue;
          const pointer = canonicalPointer(this.spec.document, [
            ...opTokens(op),
            'responses',
            status,
            'content',
            media,
            'schema',
          ]);
          this.compile(`res|${op.operationId}|${status}|${media}`, pointer, 'response');
        }
      }
      for (const [media, schema] of Object.entries(op.requestBody?.content ?? {})) {
        if (!schema) continue;
        const pointer = canonicalPointer(this.spec.document, [
          ...opTokens(op),
          'requestBody',
          'content',
          media,
          'schema',
        ]);
        this.compile(`req|${op.operationId}|${media}`, pointer, 'request');
      }
      this.compileParams(op);
    }
  }

  private compile(key: string, pointer: string, direction: Direction): void {
    const ref = `${docId(direction, this.mode === 'lenient')}${pointer}`;
    try {
      this.bodies.set(key, { fast: this.fastAjv.compile({ $ref: ref }), pointer, direction });
    } catch (err: any) {
      throw new HarnessError(
        'spec',
        `${this.spec.file}: ${pointer}: schema does not compile: ${String(err?.message ?? err).split('\n')[0]}`,
      );
    }
  }

  private compileParams(op: Operation): void {
    for (const where of ['path', 'query', 'header'] as const) {
      const ps = op.parameters.filter((p) => p.in === where);
      if (ps.length === 0) continue;
      const schema = {
        type: 'object',
        properties: Object.fromEntries(ps.map((p) => [paramName(p), p.schema])),
        required: ps.filter((p) => p.required).map(paramName),
      };
      this.params.set(`${op.operationId}|${where}`, this.paramAjv.compile(schema));
    }
  }

  /** The operation called operationId; an unknown id is a usage error. */
  operation(operationId: string): Operation {
    const op = this.spec.operations.get(operationId);
    if (!op) throw new HarnessError('usage', `unknown operationId "${operationId}" in ${this.spec.file}`);
    return op;
  }

  /** Validates a response body (raw text) against the schema documented for status × Content-Type. */
  validateResponse(operationId: string, status: number, contentType: string | undefined, body: string): BodyValidation {
    const op = this.operation(operationId);
    const res = responseFor(op, status);
    if (!res) return { checked: false, diagnostics: [] };
    const media = mediaFor(res.content, contentType);
    if (!media || !res.content[media]) return { checked: false, diagnostics: [] };
    return this.run(`res|${operationId}|${res.status}|${media}`, media, body, 'response body');
  }

  /** Validates a request body (raw text or a value) against the operation's documented schema. */
  validateRequestBody(operationId: string, contentType: string | undefined, body: string | unknown): BodyValidation {
    const op = this.operation(operationId);
    const content = op.requestBody?.content ?? {};
    const media = mediaFor(content, contentType ?? 'application/json');
    if (!media || !content[media]) return { checked: false, diagnostics: [] };
    return this.run(`req|${operationId}|${media}`, media, body, 'request body');
  }

  /** Validates path, query and header parameters (strings, coerced to their schema types). */
  validateParameters(
    operationId: string,
    values: { path?: Record<string, string>; query?: Record<string, string>; headers?: Record<string, string> },
  ): Diagnostic[] {
    const out: Diagnostic[] = [];
    const sources = { path: values.path, query: values.query, header: values.headers } as const;
    for (const where of ['path', 'query', 'header'] as const) {
      const validate = this.params.get(`${operationId}|${where}`);
      if (!validate) continue;
      const data: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(sources[where] ?? {})) data[where === 'header' ? k.toLowerCase() : k] = v;
      if (!validate(data)) {
        for (const e of validate.errors ?? []) {
          const name = e.keyword === 'required' ? (e.params as any).missingProperty : undefined;
          const d = toDiagnostic(e, `request ${where}`);
          out.push(name ? { ...d, message: `request ${where} parameter ${name} is required but missing` } : d);
        }
      }
    }
    return out;
  }

  /** Validates any value against a schema of the bundled document by JSON pointer (`#/components/schemas/X`). */
  validateAt(pointer: string, value: unknown, location: string, direction: Direction = 'response'): BodyValidation {
    const key = `ptr|${direction}|${pointer}`;
    if (!this.bodies.has(key)) this.compile(key, pointer, direction);
    return this.check(key, value, location);
  }

  private run(key: string, media: string, body: string | unknown, location: string): BodyValidation {
    let value: unknown = body;
    if (typeof body === 'string' && isJsonMedia(media)) {
      try {
        value = JSON.parse(body);
      } catch (err: any) {
        return {
          checked: true,
          diagnostics: [
            {
              location,
              keyword: 'json',
              severity: 'error',
              message: `${location} is not valid JSON: ${String(err?.message ?? err)}`,
            },
          ],
        };
      }
    }
    return this.check(key, value, location);
  }

  private check(key: string, value: unknown, location: string): BodyValidation {
    const compiled = this.bodies.get(key)!;
    const strictPasses = this.mode === 'strict' ? compiled.fast(value) : false;
    if (strictPasses) return { checked: true, diagnostics: [] };
    const errors = this.fullErrors(compiled, false, value);
    if (this.mode === 'strict') return { checked: true, diagnostics: errors.map((e) => toDiagnostic(e, location)) };
    // Lenient: what the lenient variant still rejects is an error; what only strict rejects warns.
    const lenientErrors = compiled.fast(value) ? [] : this.fullErrors(compiled, true, value);
    const hard = new Set(lenientErrors.map((e) => `${e.instancePath}|${e.keyword}`));
    return {
      checked: true,
      diagnostics: [
        ...lenientErrors.map((e) => toDiagnostic(e, location, 'error')),
        ...errors
          .filter((e) => !hard.has(`${e.instancePath}|${e.keyword}`))
          .map((e) => toDiagnostic(e, location, 'warning')),
      ],
    };
  }

  private fullErrors(compiled: Compiled, lenient: boolean, value: unknown) {
    const key = `${compiled.direction}|${lenient}|${compiled.pointer}`;
    let validate = this.detailed.get(key);
    if (!validate) {
      validate = this.fullAjv.compile({ $ref: `${docId(compiled.direction, lenient)}${compiled.pointer}` });
      this.detailed.set(key, validate);
    }
    validate(value);
    return pruneBranchNoise(validate.errors ?? []);
  }
}

/** The Ajv id under which a transformed copy of the document is registered. */
function docId(direction: Direction, lenient: boolean): string {
  return `contract-${direction}${lenient ? '-lenient' : ''}.json`;
}

/** Header parameter names are compared lower-cased (RFC 9110 §5.1). */
function paramName(p: Parameter): string {
  return p.in === 'header' ? p.name.toLowerCase() : p.name;
}

/** The pointer tokens of an operation in the document. */
function opTokens(op: Operation): string[] {
  return ['paths', op.path, op.method.toLowerCase()];
}

/**
 * The JSON pointer of the node reached by `tokens`, following internal `$ref`s on the way (a
 * response may be `$ref: '#/components/responses/Gone'`, and Ajv does not follow refs mid-pointer).
 * Keys are matched exactly, then case-insensitively (the index normalises statuses and media types).
 */
export function canonicalPointer(doc: Record<string, any>, tokens: string[]): string {
  let node: any = doc;
  let pointer: string[] = [];
  const follow = () => {
    for (
      let hops = 0;
      node && typeof node === 'object' && typeof node.$ref === 'string' && node.$ref.startsWith('#/') && hops < 32;
      hops++
    ) {
      pointer = node.$ref.slice(2).split('/').map(unpointerToken);
      node = pointer.reduce((n: any, t) => n?.[t], doc);
    }
  };
  tokens.forEach((token, i) => {
    if (i < tokens.length - 1 || token !== 'schema') follow();
    const key =
      node && typeof node === 'object'
        ? token in node
          ? token
          : (Object.keys(node).find((k) => k.toLowerCase() === token.toLowerCase()) ?? token)
        : token;
    node = node?.[key];
    pointer.push(key);
  });
  return `#/${pointer.map(pointerToken).join('/')}`;
}

/** Builds the validators of a contract: every schema compiled now, per mode. */
export function buildValidators(spec: LoadedSpec, mode: ValidationMode = 'strict'): ValidatorSet {
  return new ValidatorSet(spec, mode);
}
