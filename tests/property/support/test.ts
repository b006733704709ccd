/**
 * The property suite's `test`: the shared fixtures plus the `probe` (property verdicts, depth,
 * replay and reporting) and the `props` settings. Import `test`/`expect` from here in tests/property.
 */
import { test as base, expect } from '../../fixtures/index.js';
import { readPropertyConfig, type PropertyConfig } from '../../../src/property/index.js';
import { Probe } from './probe.js';

export const test = base.extend<{ probe: Probe }, { props: PropertyConfig }>({
  props: [async ({}, use) => { await use(readPropertyConfig()); }, { scope: 'worker' }],

  // Depends on `api` so that it is torn down first: a case still running when fast-check stopped
  // finishes before the api's cleanup removes what the test created.
  probe: async ({ recorder, props, api }, use, testInfo) => {
    void api;
    const probe = new Probe(recorder, testInfo, props);
    await use(probe);
    await probe.idle();
  },
});

export { expect };
