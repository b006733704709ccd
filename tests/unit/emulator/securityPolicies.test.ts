/**
 * The emulator's default policy (observed: what real builds were seen to answer) and the security
 * fault switches, each of which turns off one protection of the strict policy.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../emulator/index.js';
import { probeRest, probeUpgrade, type SecurityProbe } from '../../../src/security/index.js';
import { call, makeEmulator } from './helpers.js';

const FOREIGN_HOST = 'rebind.example';
const FOREIGN_ORIGIN = 'https://attacker.example';

/** The four probes the suites send, against one listening emulator. */
async function probes(options: EmulatorOptions): Promise<Record<string, SecurityProbe>> {
  const emu = await startEmulator({ port: 0, ...options });
  try {
    const base = { baseUrl: emu.url, timeoutMs: 3000 };
    return {
      restHost: await probeRest({
        ...base,
        operation: 'getAssetsSnapshot',
        method: 'GET',
        path: '/assets',
        header: 'host',
        value: FOREIGN_HOST,
      }),
      restOrigin: await probeRest({
        ...base,
        operation: 'getAssetsSnapshot',
        method: 'GET',
        path: '/assets',
        header: 'origin',
        value: FOREIGN_ORIGIN,
      }),
      wsHost: await probeUpgrade({
        ...base,
        operation: 'qgptStream',
        path: '/qgpt/stream',
        header: 'host',
        value: FOREIGN_HOST,
      }),
      wsOrigin: await probeUpgrade({
        ...base,
        operation: 'qgptStream',
        path: '/qgpt/stream',
        header: 'origin',
        value: FOREIGN_ORIGIN,
      }),
    };
  } finally {
    await emu.close();
  }
}

describe('emulator security: the observed policy (default)', () => {
  let live: RunningEmulator;
  before(async () => {
    live = await startEmulator({ port: 0 });
  });
  after(async () => {
    await live.close();
  });

  test('every REST answer carries Access-Control-Allow-Origin: *, with or without an Origin', async () => {
    const em = await makeEmulator();
    try {
      for (const headers of [{}, { origin: FOREIGN_ORIGIN }, { origin: 'http://localhost:3000' }]) {
        const r = await em.app.inject({
          method: 'GET',
          url: '/.well-known/health',
          headers: { host: 'localhost', ...headers },
        });
        assert.equal(r.statusCode, 200);
        assert.equal(r.headers['access-control-allow-origin'], '*');
      }
      const pre = await call(em, 'OPTIONS', '/assets/create', {
        headers: { origin: FOREIGN_ORIGIN, 'access-control-request-method': 'POST' },
      });
      assert.equal(pre.status, 204);
    } finally {
      await em.close();
    }
  });

  test('a foreign Host or Origin is served on REST and WebSocket alike', async () => {
    const base = { baseUrl: live.url, timeoutMs: 3000, operation: 'x' };
    assert.equal(
      (await probeRest({ ...base, method: 'GET', path: '/assets', header: 'host', value: FOREIGN_HOST })).status,
      200,
    );
    assert.equal(
      (await probeUpgrade({ ...base, path: '/qgpt/stream', header: 'origin', value: FOREIGN_ORIGIN })).opened,
      true,
    );
    assert.equal(
      (await probeUpgrade({ ...base, path: '/qgpt/stream', header: 'host', value: FOREIGN_HOST })).opened,
      true,
    );
  });
});

describe('emulator security: each fault switch turns off one strict protection', () => {
  test('strict without a switch refuses all four probes (403, no CORS grant)', async () => {
    const p = await probes({ security: 'strict' });
    for (const [name, probe] of Object.entries(p)) {
      assert.equal(probe.status, 403, name);
      assert.equal(probe.opened, false, name);
      assert.equal(probe.cors['access-control-allow-origin'], undefined, name);
    }
  });

  const cases: Array<[string, string]> = [
    ['rest-foreign-host-served', 'restHost'],
    ['ws-foreign-host-accepted', 'wsHost'],
    ['ws-foreign-origin-accepted', 'wsOrigin'],
    ['cors-allow-any-origin', 'restOrigin'],
  ];
  for (const [fault, weakened] of cases) {
    test(`${fault} weakens only ${weakened}`, async () => {
      const p = await probes({ security: 'strict', faults: [fault] });
      for (const [name, probe] of Object.entries(p)) {
        const refusedNow = probe.status === 403 && !probe.opened;
        assert.equal(refusedNow, name !== weakened, `${name}: ${JSON.stringify(probe)}`);
      }
      if (weakened === 'restOrigin') assert.equal(p.restOrigin.cors['access-control-allow-origin'], '*');
    });
  }

  test('an unknown policy is refused with the valid ones', async () => {
    await assert.rejects(startEmulator({ port: 0, security: 'lax' as never }), /observed, strict/);
  });
});
