/** Every exchange check against hand-made exchanges: silent on a good one, the right title and facts on a bad one. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkNamed, type CheckNameOfKind } from '../../../src/checks/registry.js';
import type { Exchange } from '../../../src/core/types.js';
import { ctxFor, exchange, lenient, validAsset } from './helpers.js';

/** check, case name, exchange, expected facts (a regex) or null for "passes", and the validators. */
type Row = [check: CheckNameOfKind<'exchange'>, name: string, ex: Exchange, facts: RegExp | null, mode?: 'lenient'];

const rows: Row[] = [
  // target_responded: a transport error is a failure; any response passes.
  ['target_responded', 'answered', exchange({ op: 'getUser', body: {} }), null],
  [
    'target_responded',
    'timed out',
    exchange({ op: 'getUser', error: 'timed out after 10000 ms' }),
    /^Received: no response after 10004 ms \(timed out after 10000 ms\)$/,
  ],
  // not_a_server_error: any 5xx fails, documented or not.
  ['not_a_server_error', '200', exchange({ op: 'getUser', body: {} }), null],
  [
    'not_a_server_error',
    '410',
    exchange({ op: 'getAsset', status: 410, contentType: 'text/plain', body: 'gone' }),
    null,
  ],
  [
    'not_a_server_error',
    'documented 500',
    exchange({ op: 'searchAssets', status: 500, contentType: 'text/plain', body: 'boom' }),
    /^Received: 500 \/ Expected: a status below 500 \(body: "boom"\)$/,
  ],
  [
    'not_a_server_error',
    'undocumented 502',
    exchange({ op: 'getAsset', status: 502, contentType: 'text/html', body: '<h1>Bad gateway</h1>' }),
    /^Received: 502/,
  ],
  // status_code_conformance: exact, then range, then default.
  [
    'status_code_conformance',
    'documented 410',
    exchange({ op: 'getAsset', status: 410, contentType: 'text/plain', body: 'gone' }),
    null,
  ],
  [
    'status_code_conformance',
    'undocumented 404',
    exchange({ op: 'getAsset', status: 404, contentType: 'text/plain', body: 'nope' }),
    /^Received: 404 \/ Documented: 200, 400, 410$/,
  ],
  [
    'status_code_conformance',
    'undocumented 201',
    exchange({ op: 'createAsset', status: 201, body: validAsset() }),
    /^Received: 201 \/ Documented: 200, 400, 413$/,
  ],
  // content_type_conformance: media type documented for the status; parameters ignored.
  [
    'content_type_conformance',
    'json with charset',
    exchange({ op: 'getUser', contentType: 'application/json; charset=utf-8', body: {} }),
    null,
  ],
  [
    'content_type_conformance',
    'text for json',
    exchange({ op: 'getConversationsSnapshot', contentType: 'text/plain', body: '{"iterable":[]}' }),
    /^Received: text\/plain for 200 \/ Documented: application\/json$/,
  ],
  [
    'content_type_conformance',
    'json for text',
    exchange({ op: 'getWellKnownHealth', contentType: 'application/json', body: { status: 'ok' } }),
    /^Received: application\/json for 200 \/ Documented: text\/plain$/,
  ],
  [
    'content_type_conformance',
    'missing header',
    exchange({ op: 'getUser', contentType: null, body: {} }),
    /^Received: \(no Content-Type header\) for 200/,
  ],
  // response_schema_conformance: the schema of status × media type.
  ['response_schema_conformance', 'valid asset', exchange({ op: 'getAsset', body: validAsset() }), null],
  [
    'response_schema_conformance',
    'id as number',
    exchange({ op: 'getAsset', body: { ...validAsset(), id: 4815162342 } }),
    /^response body id must be string \/ Status: 200 application\/json$/,
  ],
  [
    'response_schema_conformance',
    'not JSON',
    exchange({ op: 'getUser', body: '{oops' }),
    /^response body is not valid JSON/,
  ],
  [
    'response_schema_conformance',
    'version not semver',
    exchange({ op: 'getWellKnownVersion', contentType: 'text/plain', body: 'twelve' }),
    /^response body must match pattern/,
  ],
  [
    'response_schema_conformance',
    'undocumented media not judged',
    exchange({ op: 'getUser', contentType: 'text/html', body: '<p>' }),
    null,
  ],
  [
    'response_schema_conformance',
    'strict: unknown enum fails',
    exchange({
      op: 'getModelsSnapshot',
      body: {
        iterable: [
          {
            id: 'm',
            version: '1',
            created: { value: '2026-01-01T00:00:00Z' },
            name: 'M',
            cloud: true,
            type: 'FAST',
            usage: 'OCR',
          },
        ],
      },
    }),
    /type must be equal to one of the allowed values/,
  ],
  [
    'response_schema_conformance',
    'lenient: unknown enum warns only',
    exchange({
      op: 'getModelsSnapshot',
      body: {
        iterable: [
          {
            id: 'm',
            version: '1',
            created: { value: '2026-01-01T00:00:00Z' },
            name: 'M',
            cloud: true,
            type: 'FAST',
            usage: 'OCR',
          },
        ],
      },
    }),
    null,
    'lenient',
  ],
  // request_accepted_as_documented: positive intent only; any status from 400.
  ['request_accepted_as_documented', 'accepted', exchange({ op: 'getUser', body: {} }), null],
  [
    'request_accepted_as_documented',
    'refused 400',
    exchange({
      op: 'createAsset',
      status: 400,
      contentType: 'text/plain',
      body: "field 'asset.metadata' is not allowed",
    }),
    /^Received: 400 \/ Expected: 2xx for a valid request \(body: "field 'asset\.metadata' is not allowed"\)$/,
  ],
  [
    'request_accepted_as_documented',
    'refused 503',
    exchange({ op: 'qgptQuestion', status: 503, contentType: 'text/plain', body: 'busy' }),
    /^Received: 503/,
  ],
  [
    'request_accepted_as_documented',
    'negative intent is not judged',
    exchange({ op: 'createAsset', status: 400, contentType: 'text/plain', body: 'bad', intent: 'negative' }),
    null,
  ],
  // negative_data_rejection: negative intent only; a 2xx fails, a 4xx passes, a 5xx is left to not_a_server_error.
  [
    'negative_data_rejection',
    'refused',
    exchange({ op: 'createAsset', status: 400, contentType: 'text/plain', body: 'bad', intent: 'negative' }),
    null,
  ],
  [
    'negative_data_rejection',
    'accepted',
    exchange({ op: 'createAsset', body: validAsset(), intent: 'negative', note: 'missing asset.format' }),
    /^Received: 200 \/ Expected: 4xx \(missing asset\.format\)$/,
  ],
  [
    'negative_data_rejection',
    '500',
    exchange({ op: 'createAsset', status: 500, contentType: 'text/plain', body: 'x', intent: 'negative' }),
    null,
  ],
  [
    'negative_data_rejection',
    'positive intent is not judged',
    exchange({ op: 'createAsset', body: validAsset() }),
    null,
  ],
];

for (const [name, label, ex, facts, mode] of rows) {
  test(`${name}: ${label}`, () => {
    const check = checkNamed(name);
    const ctx = ctxFor(ex.operationId, mode === 'lenient' ? lenient : undefined);
    const failures = check.applies(ex, ctx) ? check.run(ex, ctx) : [];
    if (!facts) {
      assert.deepEqual(
        failures.map((f) => f.message),
        [],
      );
      return;
    }
    assert.equal(failures.length, 1, failures.map((f) => f.message).join('\n'));
    const [f] = failures;
    assert.equal(f.check, name);
    assert.equal(f.title, check.title);
    assert.equal(f.operation, ex.operationId);
    assert.equal(f.exchangeId, ex.id);
    assert.match(f.facts, facts);
    assert.equal(f.message, `[${name}] ${ex.operationId}: ${check.title}. ${f.facts}`);
  });
}

test('checks that need an operation do not apply to an unmatched exchange', () => {
  const ex = exchange({ op: 'nope', status: 500, body: 'x' });
  for (const name of [
    'not_a_server_error',
    'status_code_conformance',
    'content_type_conformance',
    'response_schema_conformance',
  ] as const) {
    assert.equal(checkNamed(name).applies(ex, ctxFor(undefined)), false, name);
  }
});
