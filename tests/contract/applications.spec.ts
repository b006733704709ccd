/**
 * Applications: register → listed; a session opens, closes once (with `closed` set) and refuses a
 * second close (409).
 */
import { randomBytes } from 'node:crypto';
import { test, expect } from '../fixtures/index.js';
import { registrableApplication } from '../fixtures/data.js';
import { must } from '../fixtures/must.js';

test.describe('Applications', { tag: '@Applications' }, () => {
  test('a registered application is answered and listed', async ({ api, judge, safety }) => {
    safety.writes();
    const app = registrableApplication(randomBytes(4).toString('hex'));
    const registered = must(await api.call('registerApplication', { body: app }), 'the application test');
    judge('references_consistent', {
      operation: 'registerApplication',
      id: registered.id,
      field: 'name, version, platform',
      source: 'the request',
      expected: [app.name, app.version, app.platform],
      actual: [registered.name, registered.version, registered.platform],
    });
    const listed = await api.call('getApplicationsSnapshot');
    // Applications have no read by id: an unlisted registration is the registration's fault.
    judge('ensure_resource_availability', {
      operation: 'registerApplication',
      via: 'getApplicationsSnapshot',
      id: registered.id,
      createdBy: 'registerApplication',
      listed: listed.data?.iterable.some((a) => a.id === registered.id),
    });
  });

  test('a session opens, closes once and refuses a second close', async ({ api, judge, safety }) => {
    safety.writes();
    const opened = must(await api.call('openApplicationSession'), 'the session lifecycle');
    judge('session_lifecycle', { operation: 'openApplicationSession', step: 'open', session: opened });
    const closed = await api.call('closeApplicationSession', { body: opened.id });
    judge('session_lifecycle', {
      operation: 'closeApplicationSession',
      step: 'close',
      id: opened.id,
      session: closed.data ?? {},
    });
    const again = await api.call('closeApplicationSession', {
      body: opened.id,
      intent: 'negative',
      note: 'closing twice',
      expectation: 'session-close-twice-409',
    });
    judge('session_lifecycle', {
      operation: 'closeApplicationSession',
      step: 'close-again',
      id: opened.id,
      exchange: again.exchange,
    });
  });

  test('the applications snapshot answers', async ({ api }) => {
    const res = await api.call('getApplicationsSnapshot');
    expect(Array.isArray(res.data?.iterable)).toBe(true);
  });
});
