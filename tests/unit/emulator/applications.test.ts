/** Emulator Applications and Connector handlers: register, list, sessions, connect. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { APP, assertConforms, call, makeEmulator, type TestEmulator } from './helpers.js';

describe('emulator applications and connector', () => {
  let em: TestEmulator;
  before(async () => {
    em = await makeEmulator();
  });
  after(async () => {
    await em.close();
  });

  test('register answers the application and the snapshot lists it', async () => {
    const r = await call(em, 'POST', '/applications/register', { body: { ...APP, extra: 'dropped' } });
    assertConforms('registerApplication', r);
    assert.deepEqual(r.json, APP);
    const list = await call(em, 'GET', '/applications');
    assertConforms('getApplicationsSnapshot', list);
    assert.ok(list.json.iterable.some((a: any) => a.id === APP.id));
  });

  test('register with a bad application is 400 naming the field', async () => {
    const r = await call(em, 'POST', '/applications/register', { body: { ...APP, platform: 'AMIGA' } });
    assert.equal(r.status, 400);
    assert.match(r.text, /'platform'/);
  });

  test('session: open (no body) → close → closing again is 409; unknown is 410', async () => {
    const opened = await call(em, 'POST', '/applications/session/open');
    assertConforms('openApplicationSession', opened);
    assert.equal(opened.json.closed, undefined);
    const closed = await call(em, 'POST', '/applications/session/close', { body: opened.json.id });
    assertConforms('closeApplicationSession', closed);
    assert.equal(closed.json.id, opened.json.id);
    assert.ok(Date.parse(closed.json.closed.value) > Date.parse(closed.json.opened.value));
    const twice = await call(em, 'POST', '/applications/session/close', { body: opened.json.id });
    assert.equal(twice.status, 409);
    assertConforms('closeApplicationSession', twice);
    const unknown = await call(em, 'POST', '/applications/session/close', {
      body: '7a6b4a43-8a4d-4b8e-9d55-2b1f1c0f4e21',
    });
    assert.equal(unknown.status, 410);
    assertConforms('closeApplicationSession', unknown);
  });

  // The close body is a bare JSON string holding a uuid.
  const badClose: Array<[string, string]> = [
    ['an object', '{"id":"7a6b4a43-8a4d-4b8e-9d55-2b1f1c0f4e21"}'],
    ['a bare word', 'abc'],
    ['a string that is not a uuid', '"abc"'],
    ['a number', '42'],
  ];
  for (const [label, raw] of badClose) {
    test(`session close with ${label} is 400`, async () => {
      const r = await call(em, 'POST', '/applications/session/close', { raw });
      assert.equal(r.status, 400, r.text);
      assertConforms('closeApplicationSession', r);
    });
  }

  test('connect answers a Context whose application is registered (and stable on reconnect)', async () => {
    const body = { application: { name: 'OPEN_SOURCE', platform: 'MACOS', version: '4.1.0' } };
    const first = await call(em, 'POST', '/connect', { body });
    assertConforms('connect', first);
    assert.equal(first.json.application.name, 'OPEN_SOURCE');
    assert.equal(first.json.os, first.json.health.os.id);
    assert.ok(first.json.user);
    const again = await call(em, 'POST', '/connect', { body });
    assert.equal(again.json.application.id, first.json.application.id);
    const list = await call(em, 'GET', '/applications');
    assert.ok(list.json.iterable.some((a: any) => a.id === first.json.application.id));
    const bad = await call(em, 'POST', '/connect', { body: { application: { name: 'OPEN_SOURCE' } } });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /application\.platform/);
  });
});
