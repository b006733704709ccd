/**
 * The property suite's `test`: the shared fixtures plus the `property` harness (case verdicts,
 * depth, replay and reporting) and the `props` settings. Scenario checks are judged with the shared
 * `judge` fixture; the harness holds their failures per case. Import `test`/`expect` from here in
 * tests/property.
 */
import { test as base, expect } from '../../fixtures/index.js';
import { readPropertyConfig, type PropertyConfig } from '../../../src/property/index.js';
import { PropertyHarness } from './harness.js';

/** The timeout of a property in the deep mode or with PIECES_FC_RUNS (per test). */
const DEEP_TIMEOUT_MS = 15 * 60_000;

/** The fixtures' `test` with the property harness and settings. */
export const test = base.extend<{ property: PropertyHarness }, { props: PropertyConfig }>({
  props: [
    async ({}, use) => {
      await use(readPropertyConfig());
    },
    { scope: 'worker' },
  ],

  // Depends on `api` so that it is torn down first: a case still running when fast-check stopped
  // finishes before the api's cleanup removes what the test created.
  property: async ({ recorder, props, api }, use, testInfo) => {
    void api;
    // A deep or explicitly sized run is a nightly one: give it the time its runs need (its
    // properties still stop at a share of it, and report the runs they did).
    if (props.deep || props.runs !== undefined) testInfo.setTimeout(Math.max(testInfo.timeout, DEEP_TIMEOUT_MS));
    const property = new PropertyHarness(recorder, testInfo, props);
    await use(property);
    await property.idle();
  },
});

export { expect };
