/** User: the snapshot answers the signed-in user's profile, or no user when nobody is signed in. */
import { test, expect } from '../fixtures/index.js';
import { userOf } from '../../src/client/envelopes.js';

test.describe('User', { tag: '@User' }, () => {
  test('the user snapshot answers', async ({ api }) => {
    const res = await api.call('getUser');
    expect(res.status).toBeLessThan(500);
    // The schema check judges the shape; a signed-in user is named by an id.
    const user = userOf(res.data);
    if (user) expect.soft(typeof user.id, 'the signed-in user has an id').toBe('string');
  });
});
