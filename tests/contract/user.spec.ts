/** User: the snapshot answers the profile (seed form) and/or `{user}` (upstream form), or nothing when nobody is signed in. */
import { test, expect } from '../fixtures/index.js';

test.describe('User', { tag: '@User' }, () => {
  test('the user snapshot answers', async ({ api, judge }) => {
    const res = await api.call('getUser');
    const u = res.data;
    // Both forms at once must agree (the superset body): the profile's fields are the user's.
    if (u?.id !== undefined && u.user !== undefined) {
      judge('references_consistent', {
        operation: 'getUser',
        id: u.id,
        field: 'user.id',
        source: 'the profile fields',
        expected: u.id,
        actual: u.user.id,
      });
    }
    expect(res.status).toBeLessThan(500);
  });
});
