/**
 * The HAR 1.2 structure as a JSON Schema (the required members and their types, from the HAR 1.2
 * specification: http://www.softwareishard.com/blog/har-12-spec/), and the check that a document
 * follows it. Extra members are allowed (custom fields start with `_`; optional ones are typed).
 */
import { Ajv } from 'ajv';

const nameValue = {
  type: 'object',
  required: ['name', 'value'],
  properties: { name: { type: 'string' }, value: { type: 'string' } },
};
const nameValues = { type: 'array', items: nameValue };
const integer = { type: 'integer' };

/** HAR 1.2: log, creator, entries, request, response, content, cache, timings, WebSocket messages. */
export const HAR_SCHEMA = {
  type: 'object',
  required: ['log'],
  properties: {
    log: {
      type: 'object',
      required: ['version', 'creator', 'entries'],
      properties: {
        version: { type: 'string' },
        creator: {
          type: 'object',
          required: ['name', 'version'],
          properties: { name: { type: 'string' }, version: { type: 'string' } },
        },
        pages: { type: 'array' },
        entries: {
          type: 'array',
          items: {
            type: 'object',
            required: ['startedDateTime', 'time', 'request', 'response', 'cache', 'timings'],
            properties: {
              startedDateTime: { type: 'string', format: 'date-time' },
              time: { type: 'number', minimum: 0 },
              request: {
                type: 'object',
                required: [
                  'method',
                  'url',
                  'httpVersion',
                  'cookies',
                  'headers',
                  'queryString',
                  'headersSize',
                  'bodySize',
                ],
                properties: {
                  method: { type: 'string' },
                  url: { type: 'string' },
                  httpVersion: { type: 'string' },
                  cookies: nameValues,
                  headers: nameValues,
                  queryString: nameValues,
                  postData: {
                    type: 'object',
                    required: ['mimeType'],
                    properties: { mimeType: { type: 'string' }, text: { type: 'string' }, params: { type: 'array' } },
                  },
                  headersSize: integer,
                  bodySize: integer,
                },
              },
              response: {
                type: 'object',
                required: [
                  'status',
                  'statusText',
                  'httpVersion',
                  'cookies',
                  'headers',
                  'content',
                  'redirectURL',
                  'headersSize',
                  'bodySize',
                ],
                properties: {
                  status: integer,
                  statusText: { type: 'string' },
                  httpVersion: { type: 'string' },
                  cookies: nameValues,
                  headers: nameValues,
                  content: {
                    type: 'object',
                    required: ['size', 'mimeType'],
                    properties: {
                      size: integer,
                      mimeType: { type: 'string' },
                      text: { type: 'string' },
                      encoding: { type: 'string' },
                    },
                  },
                  redirectURL: { type: 'string' },
                  headersSize: integer,
                  bodySize: integer,
                },
              },
              cache: { type: 'object' },
              timings: {
                type: 'object',
                required: ['send', 'wait', 'receive'],
                properties: { send: { type: 'number' }, wait: { type: 'number' }, receive: { type: 'number' } },
              },
              _webSocketMessages: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['type', 'time', 'opcode', 'data'],
                  properties: {
                    type: { enum: ['send', 'receive'] },
                    time: { type: 'number' },
                    opcode: integer,
                    data: { type: 'string' },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;

let validate: ReturnType<Ajv['compile']> | undefined;

/** Where a document departs from HAR 1.2, one line each (`log.entries[3].request.method must be string`); empty when it follows it. */
export function harProblems(doc: unknown): string[] {
  if (!validate) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    // date-time without ajv-formats: ISO 8601 with a time zone, as HAR 1.2 requires.
    ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/);
    validate = ajv.compile(HAR_SCHEMA);
  }
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((e) => {
    const where = e.instancePath
      .split('/')
      .slice(1)
      .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`))
      .join('')
      .replace(/^\./, '');
    return `${where || '(document)'} ${e.message ?? e.keyword}`;
  });
}
