/**
 * The security checks on recorded probes: each passes on a refusal (or a CORS answer that grants
 * nothing) and fails, naming what was sent and what came back, when the target serves the probe.
 * The recorder keeps their failures as security findings, apart from the test's contract failures.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ScenarioRecorder } from '../../../src/checks/recorder.js';
import { checkNamed, checksOfKind, type SecurityCheckName } from '../../../src/checks/registry.js';
import { judge } from '../../../src/checks/run.js';
import { probeLine, securityModeFor, embeddedEmulatorPolicy, type SecurityProbe } from '../../../src/security/index.js';
import { strict } from './helpers.js';

function probe(over: Partial<SecurityProbe>): SecurityProbe {
  return {
    transport: 'rest',
    operation: 'getAssetsSnapshot',
    method: 'GET',
    url: 'http://127.0.0.1:39300/assets',
    header: 'host',
    value: 'rebind.example',
    requestHeaders: {},
    opened: false,
    cors: {},
    durationMs: 3,
    ...over,
  };
}

const WS = { transport: 'websocket', url: 'ws://127.0.0.1:39300/qgpt/stream', operation: 'qgptStream' } as const;
const ORIGIN = { header: 'origin', value: 'https://attacker.example' } as const;

function facts(name: SecurityCheckName, p: SecurityProbe): string[] {
  return judge(checkNamed(name), p as never, { validators: strict }).failures.map((f) => f.facts);
}

test('the security checks are the registry’s security kind', () => {
  assert.deepEqual(
    checksOfKind('security').map((c) => c.name),
    ['host_allowlist_rest', 'host_allowlist_websocket', 'cross_site_websocket_hijacking', 'cors_foreign_origin'],
  );
});

const CASES: Array<[string, SecurityCheckName, SecurityProbe, string | undefined]> = [
  ['REST foreign Host refused 403', 'host_allowlist_rest', probe({ status: 403 }), undefined],
  ['REST foreign Host reset', 'host_allowlist_rest', probe({ error: 'socket hang up' }), undefined],
  [
    'REST foreign Host served 200',
    'host_allowlist_rest',
    probe({ status: 200 }),
    'GET /assets with Host: rebind.example → HTTP 200; expected a 4xx refusal',
  ],
  ['REST foreign Host answered 500', 'host_allowlist_rest', probe({ status: 500 }), 'HTTP 500; expected a 4xx refusal'],
  ['WS foreign Host refused', 'host_allowlist_websocket', probe({ ...WS, status: 403 }), undefined],
  [
    'WS foreign Host opened',
    'host_allowlist_websocket',
    probe({ ...WS, status: 101, opened: true }),
    'WebSocket upgrade /qgpt/stream with Host: rebind.example → the socket opened (101 Switching Protocols); expected a 4xx refusal',
  ],
  ['WS foreign Origin refused', 'cross_site_websocket_hijacking', probe({ ...WS, ...ORIGIN, status: 403 }), undefined],
  [
    'WS foreign Origin opened',
    'cross_site_websocket_hijacking',
    probe({ ...WS, ...ORIGIN, opened: true, status: 101 }),
    'WebSocket upgrade /qgpt/stream with Origin: https://attacker.example → the socket opened',
  ],
  ['CORS: refused 403', 'cors_foreign_origin', probe({ ...ORIGIN, status: 403 }), undefined],
  ['CORS: served without a grant', 'cors_foreign_origin', probe({ ...ORIGIN, status: 200 }), undefined],
  [
    'CORS: an allowed origin other than the probe’s',
    'cors_foreign_origin',
    probe({ ...ORIGIN, status: 200, cors: { 'access-control-allow-origin': 'http://localhost:3000' } }),
    undefined,
  ],
  [
    'CORS: * on a read',
    'cors_foreign_origin',
    probe({ ...ORIGIN, status: 200, cors: { 'access-control-allow-origin': '*' } }),
    'GET /assets with Origin: https://attacker.example → HTTP 200 with access-control-allow-origin: *: any web page can read the answer',
  ],
  [
    'CORS: the origin echoed on a preflight',
    'cors_foreign_origin',
    probe({
      ...ORIGIN,
      method: 'OPTIONS',
      url: 'http://127.0.0.1:39300/assets/create',
      operation: 'createAsset',
      requestHeaders: { 'access-control-request-method': 'POST' },
      status: 204,
      cors: { 'access-control-allow-origin': 'https://attacker.example' },
    }),
    'any web page may send POST requests cross-site',
  ],
];

for (const [name, check, p, expected] of CASES) {
  test(`${check}: ${name}`, () => {
    const found = facts(check, p);
    if (expected === undefined) assert.deepEqual(found, []);
    else {
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.ok(found[0].includes(expected), found[0]);
    }
  });
}

test('a check applies only to its own kind of probe', () => {
  assert.equal(checkNamed('host_allowlist_rest').applies(probe({ ...WS }), { validators: strict }), false);
  assert.equal(checkNamed('cors_foreign_origin').applies(probe({}), { validators: strict }), false);
});

test('the recorder keeps security findings apart from contract failures', () => {
  const r = new ScenarioRecorder({ validators: strict });
  r.judge('host_allowlist_rest', probe({ status: 200 }));
  r.judge('cors_foreign_origin', probe({ ...ORIGIN, status: 403 }));
  assert.deepEqual(r.failures, []);
  assert.deepEqual(
    r.securityFindings.map((f) => f.check),
    ['host_allowlist_rest'],
  );
  assert.deepEqual(r.securityJudged, ['host_allowlist_rest', 'cors_foreign_origin']);
});

test('probeLine names the answer’s CORS grant and a transport error', () => {
  assert.equal(
    probeLine(probe({ error: 'ECONNRESET' })),
    'GET /assets with Host: rebind.example → no answer (ECONNRESET)',
  );
});

test('the mode: enforce on the embedded emulator, report elsewhere, the setting over both', () => {
  assert.equal(securityModeFor(undefined, 'emulator'), 'enforce');
  assert.equal(securityModeFor(undefined, 'live'), 'report');
  assert.equal(securityModeFor('report', 'emulator'), 'report');
  assert.equal(securityModeFor('enforce', 'live'), 'enforce');
  assert.equal(embeddedEmulatorPolicy('enforce'), 'strict');
  assert.equal(embeddedEmulatorPolicy('report'), 'observed');
});
