/** Emulator Well Known and User handlers. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertConforms, call, makeEmulator } from './helpers.js';

describe('emulator well-known and user', () => {
  test('health is text ok; version is semver text; HEAD works for discovery', async () => {
    const em = await makeEmulator();
    try {
      const h = await call(em, 'GET', '/.well-known/health');
      assertConforms('getWellKnownHealth', h);
      assert.equal(h.text, 'ok');
      const v = await call(em, 'GET', '/.well-known/version');
      assertConforms('getWellKnownVersion', v);
      assert.match(v.text, /^\d+\.\d+\.\d+$/);
      const head = await em.app.inject({ method: 'HEAD', url: '/.well-known/health', headers: { host: 'localhost' } });
      assert.equal(head.statusCode, 200);
    } finally {
      await em.close();
    }
  });

  test('signed in: {user} and nothing else, as the real API answers', async () => {
    const em = await makeEmulator();
    try {
      const r = await call(em, 'GET', '/user');
      assertConforms('getUser', r);
      assert.deepEqual(Object.keys(r.json), ['user']);
      assert.equal(typeof r.json.user.id, 'string');
    } finally {
      await em.close();
    }
  });

  test('with seedEnvelopes: the seed form (profile fields at the root) and {user} carry the same profile', async () => {
    const em = await makeEmulator({ seedEnvelopes: true });
    try {
      const r = await call(em, 'GET', '/user');
      assert.equal(r.json.id, r.json.user.id);
      assert.deepEqual(r.json.aesthetics, r.json.user.aesthetics);
    } finally {
      await em.close();
    }
  });

  test('signed out: {}', async () => {
    const em = await makeEmulator({ signedIn: false });
    try {
      const r = await call(em, 'GET', '/user');
      assertConforms('getUser', r);
      assert.deepEqual(r.json, {});
      const ctx = await call(em, 'POST', '/connect', {
        body: { application: { name: 'VIM', platform: 'LINUX', version: '1' } },
      });
      assert.equal(ctx.json.user, undefined);
    } finally {
      await em.close();
    }
  });
});
