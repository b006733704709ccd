/**
 * The stream suite's fixtures, on top of the suite's one fixtures module (same spec, validators,
 * target, recorder, coverage and verdict): `streams` (the StreamHarness of harness.ts, judged at
 * teardown), `slowTarget` (a dedicated slow emulator, or the target itself when live) and
 * `slowApi` (a REST client on it).
 */
import { test as base, expect } from '../fixtures/index.js';
import { ApiClient, playwrightTransport } from '../../src/client/index.js';
import { HarnessError } from '../../src/core/errors.js';
import { restTimeoutOf } from '../../src/settings/index.js';
import { embeddedEmulatorPolicy } from '../../src/security/index.js';
import { StreamHarness, type SlowTarget, type Streams } from './harness.js';

export type { SlowTarget, Streams };

interface StreamTestFixtures {
  streams: Streams;
  /** A REST client on the slow target (the recorder judges its exchanges too). */
  slowApi: ApiClient;
}

interface StreamWorkerFixtures {
  slowTarget: SlowTarget;
}

export const test = base.extend<StreamTestFixtures, StreamWorkerFixtures>({
  // `api` first: its teardown (the owned cleanup) then runs after this one hands over conversations.
  streams: async (
    { target, validators, recorder, coverage, owned, exchangeLog, har, suiteConfig, api: _api },
    use,
    testInfo,
  ) => {
    const context = { project: testInfo.project.name, test: testInfo.titlePath.slice(1).join(' › ') };
    const log = exchangeLog && { writer: exchangeLog, context };
    const harness = new StreamHarness(
      target,
      suiteConfig.budgets,
      validators,
      recorder,
      coverage,
      owned,
      log,
      { writer: har, context },
      suiteConfig.readonly,
    );
    await use(harness);
    await harness.finish(testInfo);
  },

  slowTarget: [
    async ({ target, suiteConfig, securityMode }, use) => {
      if (target.kind !== 'emulator') {
        await use({ url: target.url, dedicated: false });
        return;
      }
      // The embedded emulator streams with a 1 ms pause: too fast to stop mid-answer reliably. A
      // dedicated one (same fault switches and security policy) answers slowly; only test code may
      // import emulator/.
      const { startEmulator } = await import('../../emulator/index.js');
      const emu = await startEmulator({
        port: 0,
        host: '127.0.0.1',
        memory: true,
        faults: suiteConfig.faults,
        security: embeddedEmulatorPolicy(securityMode),
        // Under the realistic profile the dedicated emulator is realistic too (its own pace is slower still).
        ...(suiteConfig.emulatorProfile === 'instant'
          ? { streamDelayMs: 25, downloadMs: 1000 }
          : { profile: suiteConfig.emulatorProfile }),
      }).catch((err: any) => {
        throw new HarnessError('target', `the slow emulator did not start: ${String(err?.message ?? err)}`);
      });
      await use({ url: emu.url.replace(/\/+$/, ''), dedicated: true });
      await emu.close();
    },
    { scope: 'worker' },
  ],

  slowApi: async ({ api, slowTarget, request, spec, suiteConfig, recorder }, use) => {
    if (!slowTarget.dedicated) {
      await use(api);
      return;
    }
    await use(
      new ApiClient({
        baseUrl: slowTarget.url,
        spec,
        transport: playwrightTransport(request),
        timeoutMs: suiteConfig.timeoutMs,
        timeoutOf: (operationId, body) => restTimeoutOf(suiteConfig.budgets, operationId, body),
        around: (label, run) => test.step(label, run, { box: true }),
        middleware: [
          {
            onExchange: (exchange, operation) => {
              recorder.record(exchange, operation);
            },
          },
        ],
      }),
    );
  },
});

export { expect };
