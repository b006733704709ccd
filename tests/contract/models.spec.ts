/**
 * Models: the snapshot and single reads; the local model state machine, checked after each step
 * (download, waited for by polling GET /model/{id} with a bounded wait → load → unload); a model
 * that is not downloaded cannot be loaded or unloaded (409, nothing changes); a running download
 * can be cancelled; a cloud model is never downloaded or loaded. State-changing tests run in
 * order on one worker, each on its own model on the embedded emulator; on a live target only with
 * PIECES_ALLOW_DOWNLOADS=1 (otherwise they are skipped, not passed), and then all on the run's one
 * download model (the smallest), one test at a time.
 */
import { modelTestTimeoutMs } from '../../src/settings/index.js';
import { test, expect } from '../fixtures/index.js';
import { must } from '../fixtures/must.js';
import { pollUntil } from '../fixtures/poll.js';
import type { ApiClient, Contract } from '../../src/client/index.js';
import type { SuiteConfig, Target } from '../../src/target/index.js';
import type { RunDownload } from '../fixtures/runDownload.js';

/** The flags the state machine speaks about. */
function flags(m: Contract.Model | undefined) {
  return { downloaded: m?.downloaded, loaded: m?.loaded, downloading: m?.downloading };
}

/**
 * The local model a state-changing test drives, neither downloaded nor downloading. On the embedded
 * emulator the last idle one (other suites take the first); on a live target the run's one download
 * model (the smallest, PIECES_ALLOW_DOWNLOADS), once no other test drives it, and only until the
 * run's one download has happened.
 */
async function idleLocalModel(
  api: ApiClient,
  target: Target,
  claim: RunDownload,
  waitMs: number,
): Promise<Contract.Model> {
  if (target.kind === 'live') {
    // Another test may hold the model for as long as its download takes.
    test.setTimeout(test.info().timeout + waitMs);
    const id = await claim.claim(waitMs);
    test.skip(!id, claim.model ? "the run's download model stayed busy" : 'the target has no local model to download');
    const m = must(await api.call('getModel', { path: { model: id! } }), 'choosing a model');
    test.skip(m.downloaded === true || m.downloading === true, `the run's one download (model ${id}) already happened`);
    return m;
  }
  const models = must(await api.call('getModelsSnapshot'), 'choosing a model').iterable;
  const idle = models.filter((m) => !m.cloud && m.downloaded !== true && m.downloading !== true && m.loaded !== true);
  test.skip(idle.length === 0, 'the target has no local model that is not downloaded');
  return idle[idle.length - 1];
}

/** How long a download may take: the download budget (short on the instant emulator, long otherwise). */
function downloadWait(config: SuiteConfig): number {
  return config.budgets.downloadMs;
}

test.describe('Models', { tag: '@Models' }, () => {
  test('the models snapshot answers and a local and a cloud model read by id', async ({ api, judge }) => {
    const models = must(await api.call('getModelsSnapshot'), 'the models test').iterable;
    expect(models.length, 'the target offers at least one model').toBeGreaterThan(0);
    for (const m of [models.find((x) => !x.cloud), models.find((x) => x.cloud)]) {
      if (!m) continue;
      const read = await api.call('getModel', { path: { model: m.id } });
      judge('references_consistent', {
        operation: 'getModel',
        id: m.id,
        field: 'id, name, cloud',
        source: 'getModelsSnapshot',
        expected: [m.id, m.name, m.cloud],
        actual: [read.data?.id, read.data?.name, read.data?.cloud],
      });
    }
  });

  test.describe('state machine', () => {
    // In order on one worker: each test takes the last idle local model, so none shares a model.
    test.describe.configure({ mode: 'default' });

    test('download → load → unload, the state checked after each step', async ({
      api,
      judge,
      safety,
      suiteConfig,
      target,
      runDownload,
    }) => {
      safety.downloads();
      const waitMs = downloadWait(suiteConfig);
      test.setTimeout(modelTestTimeoutMs(suiteConfig.budgets, 1, 1));
      const model = await idleLocalModel(api, target, runDownload, waitMs);
      const id = model.id;
      const judgeModel = (
        operation: string,
        step: string,
        m: Contract.Model | undefined,
        expected: Record<string, boolean>,
      ) => judge('model_state_machine', { operation, model: id, step, observed: flags(m), expected });

      const started = must(await api.call('downloadModel', { path: { model: id } }), 'the model lifecycle');
      judgeModel(
        'downloadModel',
        'as downloadModel answered',
        started,
        started.downloaded ? { downloaded: true, loaded: false } : { downloading: true, loaded: false },
      );

      const waited = await pollUntil(
        () => api.call('getModel', { path: { model: id }, note: 'waiting for the download' }),
        (r) => r.data?.downloaded === true || r.status !== 200,
        { timeoutMs: waitMs, intervalMs: target.kind === 'emulator' ? 50 : 1000 },
      );
      judgeModel('downloadModel', `after waiting ${waited.waitedMs} ms for the download`, waited.value.data, {
        downloaded: true,
        downloading: false,
        loaded: false,
      });
      if (waited.value.data?.downloaded !== true) return; // the failure above tells why; nothing can be loaded

      const loaded = await api.call('loadModel', { path: { model: id } });
      judgeModel('loadModel', 'as loadModel answered', loaded.data, { downloaded: true, loaded: true });
      judgeModel('loadModel', 'read after loadModel', (await api.call('getModel', { path: { model: id } })).data, {
        downloaded: true,
        loaded: true,
      });

      const unloaded = await api.call('unloadModel', { path: { model: id } });
      judgeModel('unloadModel', 'as unloadModel answered', unloaded.data, { downloaded: true, loaded: false });
      judgeModel('unloadModel', 'read after unloadModel', (await api.call('getModel', { path: { model: id } })).data, {
        downloaded: true,
        loaded: false,
      });
      // Both views agree: the model is unloaded in GET /models too.
      const listed = (await api.call('getModelsSnapshot')).data?.iterable.find((m) => m.id === id);
      judgeModel('getModelsSnapshot', 'as GET /models lists it after unloadModel', listed, {
        downloaded: true,
        loaded: false,
      });
    });

    test('a model that is not downloaded cannot be loaded or unloaded, and stays as it was', async ({
      api,
      judge,
      safety,
      suiteConfig,
      target,
      runDownload,
    }) => {
      safety.downloads();
      const model = await idleLocalModel(api, target, runDownload, downloadWait(suiteConfig));
      const id = model.id;
      for (const operation of ['loadModel', 'unloadModel'] as const) {
        const before = flags((await api.call('getModel', { path: { model: id } })).data);
        const refused = await api.call(operation, {
          path: { model: id },
          intent: 'negative',
          note: 'model not downloaded',
          expectation: 'load-needs-download',
        });
        const after = flags((await api.call('getModel', { path: { model: id } })).data);
        judge(
          'model_state_machine',
          {
            operation,
            model: id,
            step: `after ${operation} before any download (answered ${refused.status})`,
            observed: after,
            expected: { downloaded: false, loaded: false },
          },
          'load-needs-download',
        );
        judge(
          'no_state_change_on_rejection',
          { operation, rejected: refused.exchange, what: `model ${id}`, before, after },
          'load-needs-download',
        );
      }
    });

    test('a running download can be cancelled', async ({ api, judge, safety, suiteConfig, target, runDownload }) => {
      safety.downloads();
      const model = await idleLocalModel(api, target, runDownload, downloadWait(suiteConfig));
      const id = model.id;
      must(await api.call('downloadModel', { path: { model: id } }), 'the cancel test');
      const cancelled = await api.call('cancelModelDownload', { path: { model: id } });
      judge('model_state_machine', {
        operation: 'cancelModelDownload',
        model: id,
        step: 'as cancelModelDownload answered',
        observed: flags(cancelled.data),
        expected: { downloading: false, loaded: false },
      });
      const read = await api.call('getModel', { path: { model: id } });
      judge('model_state_machine', {
        operation: 'cancelModelDownload',
        model: id,
        step: 'read after cancelModelDownload',
        observed: flags(read.data),
        expected: { downloading: false, loaded: false },
      });
      // Cancelling again, with no download running, answers the model unchanged.
      const again = await api.call('cancelModelDownload', { path: { model: id } });
      judge('references_consistent', {
        operation: 'cancelModelDownload',
        id,
        field: 'flags (no download running)',
        source: 'getModel',
        expected: flags(read.data),
        actual: flags(again.data),
      });
    });

    test('a cloud model is never downloaded, loaded or unloaded', async ({ api, judge, safety }) => {
      safety.downloads();
      const models = must(await api.call('getModelsSnapshot'), 'the cloud model test').iterable;
      const cloud = models.find((m) => m.cloud);
      test.skip(!cloud, 'the target lists no cloud model');
      const id = cloud!.id;
      for (const operation of ['downloadModel', 'loadModel', 'unloadModel'] as const) {
        const before = flags((await api.call('getModel', { path: { model: id } })).data);
        const refused = await api.call(operation, { path: { model: id }, intent: 'negative', note: 'cloud model' });
        const after = flags((await api.call('getModel', { path: { model: id } })).data);
        judge('no_state_change_on_rejection', {
          operation,
          rejected: refused.exchange,
          what: `cloud model ${id}`,
          before,
          after,
        });
      }
    });
  });
});
