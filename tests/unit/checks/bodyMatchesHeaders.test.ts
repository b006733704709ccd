/** body_matches_headers: the body is what Content-Type and Content-Length say, on every operation. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkNamed } from '../../../src/checks/registry.js';
import type { Exchange } from '../../../src/core/types.js';
import { ctxFor, exchange } from './helpers.js';

const check = checkNamed('body_matches_headers');

/** An exchange with extra response headers (names lower-cased). */
function withHeaders(ex: Exchange, headers: Record<string, string>): Exchange {
  return { ...ex, response: { ...ex.response!, headers: { ...ex.response!.headers, ...headers } } };
}

function facts(ex: Exchange): string[] {
  const ctx = ctxFor(ex.operationId);
  return check.applies(ex, ctx) ? check.run(ex, ctx).map((f) => f.facts) : [];
}

const rows: Array<[name: string, ex: Exchange, expected: RegExp[]]> = [
  ['JSON labelled JSON', exchange({ op: 'getUser', body: { user: null } }), []],
  ['text labelled text', exchange({ op: 'getWellKnownHealth', contentType: 'text/plain', body: 'ok' }), []],
  [
    'a text error that mentions braces',
    exchange({ op: 'getAsset', status: 410, contentType: 'text/plain', body: 'Asset {x} is Gone.' }),
    [],
  ],
  [
    'JSON label, body cut short',
    exchange({ op: 'getFormatsSnapshot', body: '{"iterable":[{"id":"f1"' }),
    [/^Received: 200 labelled application\/json whose body is not JSON \(.+\); body starts "\{\\"iterable/],
  ],
  [
    'problem+json label, text body',
    exchange({ op: 'getUser', status: 400, contentType: 'application/problem+json', body: 'bad' }),
    [/labelled application\/problem\+json whose body is not JSON/],
  ],
  [
    'text/plain label on a JSON document',
    exchange({ op: 'getWellKnownHealth', contentType: 'text/plain; charset=utf-8', body: '{"status":"ok"}' }),
    [/^Received: 200 labelled text\/plain whose body is a JSON document "\{\\"status\\":\\"ok\\"\}"$/],
  ],
  [
    "an undocumented answer's text/plain JSON is not judged (no document says what it may hold)",
    exchange({ op: 'getAsset', status: 503, contentType: 'text/plain', body: '{"error":"busy"}' }),
    [],
  ],
  [
    'a bare word as text is not JSON mislabelled',
    exchange({ op: 'getWellKnownVersion', contentType: 'text/plain', body: '12' }),
    [],
  ],
  [
    'Content-Length right',
    withHeaders(exchange({ op: 'getWellKnownHealth', contentType: 'text/plain', body: 'ok' }), {
      'content-length': '2',
    }),
    [],
  ],
  [
    'Content-Length counts bytes, not characters',
    withHeaders(exchange({ op: 'getWellKnownHealth', contentType: 'text/plain', body: 'é' }), {
      'content-length': '2',
    }),
    [],
  ],
  [
    'Content-Length wrong',
    withHeaders(exchange({ op: 'getWellKnownHealth', contentType: 'text/plain', body: 'ok' }), {
      'content-length': '7',
    }),
    [/^Received: Content-Length "7" for a body of 2 bytes$/],
  ],
  [
    'Content-Length of an encoded body is not compared',
    withHeaders(exchange({ op: 'getUser', body: {} }), { 'content-length': '99', 'content-encoding': 'gzip' }),
    [],
  ],
  ['204 has no body to judge', exchange({ op: 'deleteConversation', status: 204, body: '' }), []],
];

for (const [name, ex, expected] of rows) {
  test(`body_matches_headers: ${name}`, () => {
    const got = facts(ex);
    assert.equal(got.length, expected.length, got.join('\n'));
    expected.forEach((re, i) => assert.match(got[i]!, re));
  });
}

test('body_matches_headers judges unmatched exchanges too, named by their request line', () => {
  const ex = exchange({ op: 'nope', body: 'not json' });
  const [f] = check.run(ex, ctxFor(undefined));
  assert.equal(f?.operation, 'GET /');
  assert.equal(check.applies(ex, ctxFor(undefined)), true);
});

test('body_matches_headers does not judge a transport error', () => {
  const ex = exchange({ op: 'getUser', error: 'socket hang up' });
  assert.equal(check.applies(ex, ctxFor('getUser')), false);
});
