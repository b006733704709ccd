/**
 * The property suite's `test`: the shared fixtures plus the `probe` (property verdicts, depth,
 * replay and reporting) and the `props` settings. Import `test`/`expect` from here in tests/property.
 */
import { test as base, expect } from '../../fixtures/index.js';
import { readPropertyConfig, type PropertyConfig } from '../../../src/property/index.js';
import { Probe } from './probe.js';

/** The timeout of a property in the deep mode or with PIECES_FC_RUNS (per test). */
const DEEP_TIMEOUT_MS = 15 * 60_000;

/** The fixtures' `test` with the property probe and settings. */
export const test = base.extend<{ probe: Probe }, { props: PropertyConfig }>({
  props: [
    async ({}, use) => {
      await use(readPropertyConfig());
    },
    { scope: 'worker' },
  ],

  // Depends on `api` so that it is torn down first: a case still running when fast-check stopped
  // finishes before the api's cleanup removes what the test created.
  probe: async ({ recorder, validators, props, api }, use, testInfo) => {
    void api;
    // A deep or explicitly sized run is a nightly one: give it the time its runs need (its
    // properties still stop at a share of it, and report the runs they did).
    if (props.deep || props.runs !== undefined) testInfo.setTimeout(Math.max(testInfo.timeout, DEEP_TIMEOUT_MS));
    const probe = new Probe(recorder, validators, testInfo, props);
    await use(probe);
    await probe.idle();
  },
});

export { expect };
