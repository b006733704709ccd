/** Finding one step of an SDK smoke run in the compat unit tests. */
import assert from 'node:assert/strict';
import type { SdkCall, SdkSmokeResult } from '../../../src/compat/sdk/index.js';

/** The call of the named step; fails the test when the step did not run. */
export function stepOf(r: SdkSmokeResult, name: string): SdkCall {
  const c = r.calls.find((x) => x.step === name);
  assert.ok(c, `step ${name} ran`);
  return c;
}
