/** cURL reproduction: shell quoting, and the command run by a real shell + curl sends exactly the recorded request. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { requestToCurl, shellQuote, toCurl } from '../../../src/client/curl.js';
import type { Exchange, RequestRecord } from '../../../src/core/types.js';
import { tinyServer } from './server.js';

// Quoting: what the shell gives back must be the word itself.
const words = [
  'plain',
  'with space',
  "it's",
  `"double" and 'single'`,
  '$HOME `id` $(id) \\ !x',
  'line\nbreak\ttab',
  '',
  'ünïcødé 🚀',
  "''",
  'a=b,c:d/e%f@g+h',
];
for (const w of words) {
  test(`shellQuote round-trips through sh: ${JSON.stringify(w)}`, () => {
    const out = execFileSync('sh', ['-c', `printf %s ${shellQuote(w)}`]).toString('utf8');
    assert.equal(out, w);
  });
}

test('safe words stay bare, others are single-quoted', () => {
  assert.equal(shellQuote('http://127.0.0.1:1000/assets'), 'http://127.0.0.1:1000/assets');
  assert.equal(shellQuote("it's"), `'it'\\''s'`);
  assert.equal(shellQuote(''), "''");
});

/** Requests whose curl command must reproduce them byte for byte. */
const requests: Array<[string, Omit<RequestRecord, 'url'> & { path: string }]> = [
  ['GET without body', { method: 'GET', path: '/asset/abc?transferables=false', headers: {} }],
  [
    'POST JSON with quotes and unicode',
    {
      method: 'POST',
      path: '/assets/create',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'it\'s "quoted" $HOME `x`', raw: '  \n\tcafé 🚀\r\n' }),
    },
  ],
  ['POST without body (delete)', { method: 'POST', path: '/assets/a%2Fb/delete', headers: {} }],
  [
    'POST with a NUL byte',
    {
      method: 'POST',
      path: '/assets/create',
      headers: { 'content-type': 'application/json' },
      body: '{"raw":"a\u0000b"}\u0000',
    },
  ],
  [
    'POST malformed JSON',
    {
      method: 'POST',
      path: '/qgpt/question',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "unterminated, ',
    },
  ],
  [
    'PUT with an empty body',
    { method: 'PUT', path: '/x', headers: { 'content-type': 'application/json', 'x-trace': "a'b" }, body: '' },
  ],
];

for (const [label, r] of requests) {
  test(`toCurl reproduces: ${label}`, async () => {
    const server = await tinyServer();
    try {
      const req: RequestRecord = {
        method: r.method,
        url: `${server.url}${r.path}`,
        headers: r.headers,
        ...(r.body !== undefined ? { body: r.body } : {}),
      };
      const ex: Exchange = { id: 'x', request: req, startedAt: 0, durationMs: 1, intent: 'positive' };
      // Asynchronously: the server answers from this same process.
      await promisify(execFile)('sh', ['-c', `${toCurl(ex)} > /dev/null`], { timeout: 10_000 });
      assert.equal(server.seen.length, 1);
      const seen = server.seen[0];
      assert.equal(seen.method, r.method);
      assert.equal(seen.url, r.path);
      assert.equal(seen.body.toString('utf8'), r.body ?? '');
      for (const [k, v] of Object.entries(r.headers)) assert.equal(seen.headers[k], v);
    } finally {
      await server.close();
    }
  });
}

test('-X appears only when curl would not pick the method itself', () => {
  assert.doesNotMatch(requestToCurl({ method: 'GET', url: 'http://h/a', headers: {} }), / -X /);
  assert.doesNotMatch(requestToCurl({ method: 'POST', url: 'http://h/a', headers: {}, body: '{}' }), / -X /);
  assert.match(requestToCurl({ method: 'POST', url: 'http://h/a', headers: {} }), / -X POST /);
});

test('a timed-out exchange keeps its timeout in the command', () => {
  const ex: Exchange = {
    id: 'x',
    request: { method: 'GET', url: 'http://h/a', headers: {} },
    error: 'timed out after 10000 ms',
    startedAt: 0,
    durationMs: 10_003,
    intent: 'positive',
  };
  assert.match(toCurl(ex), /--max-time 12 /);
});
