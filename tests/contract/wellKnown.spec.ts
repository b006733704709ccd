/**
 * Well Known: health and version. Their documented schemas carry the rules (health starts with
 * `ok`; version is semver, a `-staging` or other suffix allowed), so the exchange checks judge them.
 */
import { test, expect } from '../fixtures/index.js';

test.describe('Well Known', { tag: '@WellKnown' }, () => {
  test('health answers a text starting with ok', async ({ api }) => {
    await api.call('getWellKnownHealth');
  });

  test('version answers a semantic version', async ({ api }) => {
    const res = await api.call('getWellKnownVersion');
    expect(res.text.trim().length).toBeGreaterThan(0);
  });
});
