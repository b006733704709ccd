/** Which headers cross the proxy: hop-by-hop fields dropped, everything else kept in order and case, Host rewritten only when loopback. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forwardHeaders, headerRecord, isLoopbackHost } from '../../../src/proxy/index.js';

// Host value → loopback?
const hosts: Array<[string | undefined, boolean]> = [
  ['127.0.0.1:39301', true],
  ['localhost', true],
  ['LOCALHOST:1', true],
  ['app.localhost:8080', true],
  ['127.1.2.3', true],
  ['[::1]:39301', true],
  [undefined, true],
  // DNS rebinding: a foreign name that resolves to 127.0.0.1 is still foreign
  ['evil.example:39301', false],
  ['127.0.0.1.evil.example', false],
  ['[::2]:1', false],
  ['10.0.0.1', false],
];
for (const [host, expected] of hosts) {
  test(`isLoopbackHost(${JSON.stringify(host)}) = ${expected}`, () => assert.equal(isLoopbackHost(host), expected));
}

// raw headers in → raw headers forwarded
const rows: Array<[string, string[], string[], Parameters<typeof forwardHeaders>[1]?]> = [
  [
    'hop-by-hop fields are dropped, the rest keeps its order and case',
    [
      'Content-Type',
      'application/json',
      'Connection',
      'keep-alive',
      'Keep-Alive',
      'timeout=5',
      'X-Trace',
      'a',
      'Transfer-Encoding',
      'chunked',
      'TE',
      'trailers',
      'Upgrade',
      'h2c',
      'Proxy-Authorization',
      'x',
    ],
    ['Content-Type', 'application/json', 'X-Trace', 'a'],
  ],
  [
    'fields named by Connection are hop-by-hop too',
    ['Connection', 'close, X-Session', 'X-Session', '1', 'X-Other', '2'],
    ['X-Other', '2'],
  ],
  [
    'repeated fields stay repeated, in order',
    ['Set-Cookie', 'a=1', 'Set-Cookie', 'b=2', 'Vary', 'Origin'],
    ['Set-Cookie', 'a=1', 'Set-Cookie', 'b=2', 'Vary', 'Origin'],
  ],
  [
    "a loopback Host becomes the target's authority",
    ['Host', '127.0.0.1:39301', 'Accept', '*/*'],
    ['Host', '127.0.0.1:39300', 'Accept', '*/*'],
    { targetHost: '127.0.0.1:39300' },
  ],
  [
    'a foreign Host is forwarded unchanged, so the target still refuses it',
    ['Host', 'evil.example', 'Origin', 'https://evil.example'],
    ['Host', 'evil.example', 'Origin', 'https://evil.example'],
    { targetHost: '127.0.0.1:39300' },
  ],
  ['without a target host, Host is kept', ['Host', 'localhost:39301'], ['Host', 'localhost:39301']],
  [
    'extra names can be dropped (WebSocket handshake fields)',
    ['Sec-WebSocket-Key', 'k', 'Origin', 'vscode-webview://x'],
    ['Origin', 'vscode-webview://x'],
    { drop: new Set(['sec-websocket-key']) },
  ],
];
for (const [name, raw, expected, opts] of rows) {
  test(`forwardHeaders: ${name}`, () => assert.deepEqual(forwardHeaders(raw, opts), expected));
}

test('headerRecord: lower-cased names, repeated fields joined', () => {
  assert.deepEqual(headerRecord(['Content-Type', 'text/plain', 'Set-Cookie', 'a=1', 'set-cookie', 'b=2']), {
    'content-type': 'text/plain',
    'set-cookie': 'a=1, b=2',
  });
});
