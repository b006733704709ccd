/** The operation index: every operation of a dereferenced document, keyed by operationId. */
import { HarnessError } from '../core/errors.js';
import type { Operation, Parameter, ResponseSpec, Schema } from './types.js';

import { HTTP_METHODS as METHODS, pointerToken } from '../core/pointer.js';

export { pointerToken };

/** Vendor extensions (`x-...`) of an object. */
function extensionsOf(obj: Record<string, any>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj ?? {}).filter(([k]) => k.startsWith('x-')));
}

/** Path-level and operation-level parameters merged; the operation's win (OAS 3 §4.7.9). */
function mergeParameters(pathLevel: any[] = [], opLevel: any[] = []): Parameter[] {
  const byKey = new Map<string, Parameter>();
  for (const p of [...pathLevel, ...opLevel]) {
    byKey.set(`${p.in}:${p.name}`, {
      name: p.name,
      in: p.in,
      required: p.in === 'path' ? true : Boolean(p.required),
      schema: (p.schema ?? {}) as Schema,
    });
  }
  return [...byKey.values()];
}

/** The responses of an operation as ResponseSpecs keyed by status. */
function responsesOf(responses: Record<string, any> = {}): Record<string, ResponseSpec> {
  const out: Record<string, ResponseSpec> = {};
  for (const [status, r] of Object.entries(responses)) {
    if (status.startsWith('x-')) continue;
    const content: Record<string, Schema | undefined> = {};
    for (const [media, m] of Object.entries<any>(r?.content ?? {})) content[media.toLowerCase()] = m?.schema;
    out[status.toUpperCase()] = {
      status: status.toUpperCase(),
      description: r?.description,
      content,
      extensions: extensionsOf(r),
    };
  }
  return out;
}

/** Builds the index; an operation without operationId or a duplicate id is a spec error. */
export function indexOperations(doc: Record<string, any>, file = 'contract'): Map<string, Operation> {
  const index = new Map<string, Operation>();
  for (const [path, item] of Object.entries<any>(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op) continue;
      const pointer = `#/paths/${pointerToken(path)}/${method}`;
      const id = op.operationId as string | undefined;
      if (!id)
        throw new HarnessError(
          'spec',
          `${file}: ${pointer}: operation has no operationId`,
          'every operation needs one',
        );
      if (index.has(id)) throw new HarnessError('spec', `${file}: ${pointer}: duplicate operationId "${id}"`);
      const responses = responsesOf(op.responses);
      const body = op.requestBody;
      index.set(id, {
        operationId: id,
        method: method.toUpperCase(),
        path,
        tags: op.tags ?? [],
        summary: op.summary,
        parameters: mergeParameters(item.parameters, op.parameters),
        requestBody: body
          ? {
              required: Boolean(body.required),
              content: Object.fromEntries(
                Object.entries<any>(body.content ?? {}).map(([m, c]) => [m.toLowerCase(), c?.schema]),
              ),
            }
          : undefined,
        responses,
        websocket: op['x-websocket'] === true || '101' in responses,
        neighbour: op['x-pieces-neighbour'] === true,
        extensions: extensionsOf(op),
        pointer,
      });
    }
  }
  return index;
}

/** A compiled path template: matches a concrete path and extracts its parameters. */
export interface PathMatcher {
  operation: Operation;
  regex: RegExp;
  names: string[];
  literalLength: number;
}

/** Compiles every operation's path template, most specific (most literal characters) first. */
export function pathMatchers(ops: Iterable<Operation>): PathMatcher[] {
  const out: PathMatcher[] = [];
  for (const operation of ops) {
    const names: string[] = [];
    const source = operation.path
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const m = /^\{([^}]+)\}$/.exec(part);
        if (m) {
          names.push(m[1]);
          return '([^/]+)';
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('');
    out.push({
      operation,
      regex: new RegExp(`^${source}/?$`),
      names,
      literalLength: operation.path.replace(/\{[^}]+\}/g, '').length,
    });
  }
  return out.sort((a, b) => b.literalLength - a.literalLength);
}

/** The operation a method + concrete path exercises, with its decoded path parameters. */
export function matchOperation(
  matchers: PathMatcher[],
  method: string,
  pathname: string,
): { operation: Operation; pathParams: Record<string, string> } | undefined {
  const upper = method.toUpperCase();
  for (const m of matchers) {
    if (m.operation.method !== upper) continue;
    const hit = m.regex.exec(pathname);
    if (!hit) continue;
    const pathParams: Record<string, string> = {};
    m.names.forEach((n, i) => {
      try {
        pathParams[n] = decodeURIComponent(hit[i + 1]);
      } catch {
        pathParams[n] = hit[i + 1];
      }
    });
    return { operation: m.operation, pathParams };
  }
  return undefined;
}
