/** Well Known: health starts with `ok`, version is semver (a `-staging` or other pre-release suffix allowed). */
import { test, expect } from '../fixtures/index.js';

test.describe('Well Known', { tag: '@WellKnown' }, () => {
  test('health answers a text starting with ok', async ({ api }) => {
    const res = await api.call('getWellKnownHealth');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/^ok/i);
  });

  test('version answers a semantic version', async ({ api }) => {
    const res = await api.call('getWellKnownVersion');
    expect(res.status).toBe(200);
    expect(res.text.trim()).toMatch(/^\d+\.\d+\.\d+([-+ ]?[0-9A-Za-z][0-9A-Za-z.+-]*)?$/);
  });
});
