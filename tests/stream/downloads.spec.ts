/**
 * Model download progress on /model/{model}/download/progress: the percentage never decreases and
 * the download ends COMPLETED, which GET /model/{model} then agrees with; a cancelled download ends
 * CANCELED and stays not downloaded. On the embedded emulator these run against the dedicated slow
 * emulator (its own models, so no other test's download interferes); on a live target only with
 * PIECES_ALLOW_DOWNLOADS=1, on the run's one download model (the smallest), one test at a time.
 */
import { test, expect, type SlowTarget, type Streams } from './fixtures.js';
import type { Judge, Safety } from '../fixtures/index.js';
import type { TimeBudgets } from '../../src/settings/index.js';
import type { RunDownload } from '../fixtures/runDownload.js';
import type { ApiClient } from '../../src/client/index.js';
import { statusOf } from '../../src/stream/index.js';
import { modelTestTimeoutMs } from '../../src/settings/index.js';

/**
 * A local model that is neither downloaded nor downloading: on the dedicated slow emulator the
 * `pick`-th from the end; on a live target the run's one download model (the smallest), once no
 * other test drives it, while it is not downloaded yet. Undefined when there is none.
 */
async function idleLocalModel(
  api: ApiClient,
  pick: number,
  slowTarget: SlowTarget,
  claim: RunDownload,
  waitMs: number,
): Promise<string | undefined> {
  if (!slowTarget.dedicated) {
    test.setTimeout(test.info().timeout + waitMs);
    const id = await claim.claim(waitMs);
    const m: any = id ? (await api.call('getModel', { path: { model: id } })).data : undefined;
    return m && m.downloaded !== true && m.downloading !== true ? id : undefined;
  }
  const models = (await api.call('getModelsSnapshot')).data?.iterable ?? [];
  const idle = models.filter((m: any) => m.cloud === false && m.downloaded === false && m.downloading !== true);
  return idle.at(-1 - pick)?.id;
}

/** The fixtures a download test uses. */
interface DownloadFixtures {
  streams: Streams;
  slowApi: ApiClient;
  slowTarget: SlowTarget;
  safety: Safety;
  judge: Judge;
  runDownload: RunDownload;
  suiteConfig: { budgets: TimeBudgets };
}

/**
 * Starts the download of an idle local model (the `pick`-th, see idleLocalModel) with its progress
 * watched until `expectTerminal`; skips the test when there is none. The test may wait up to the
 * download budget: a socket that goes quiet is reported when it runs out.
 */
async function startWatchedDownload(
  f: DownloadFixtures,
  pick: number,
  expectTerminal: 'COMPLETED' | 'CANCELED',
): Promise<{ model: string; watch: Awaited<ReturnType<ReturnType<Streams['session']>['watchDownload']>> }> {
  const { budgets } = f.suiteConfig;
  f.safety.downloads();
  test.setTimeout(modelTestTimeoutMs(budgets, 1));
  const model = await idleLocalModel(f.slowApi, pick, f.slowTarget, f.runDownload, budgets.downloadMs);
  test.skip(!model, `no local model left that is not downloaded (the ${pick + 1}. from the end)`);
  const watch = await f.streams.session(f.slowTarget.url).watchDownload(model!, { expectTerminal });
  await f.slowApi.call('downloadModel', { path: { model: model! } });
  return { model: model!, watch };
}

/** Judges GET /model/{model} after its progress stream ended: downloaded and downloading as `expected`. */
async function judgeModelAfter(
  f: DownloadFixtures,
  model: string,
  step: string,
  expected: { downloaded: boolean; downloading: boolean },
): Promise<void> {
  const m: any = (await f.slowApi.call('getModel', { path: { model } })).data ?? {};
  f.judge('model_state_machine', {
    operation: 'getModel',
    model,
    step,
    observed: { downloaded: m.downloaded, downloading: m.downloading },
    expected,
  });
}

test.describe('Model download progress', { tag: '@Models' }, () => {
  test('a download: percentage never decreases, ends COMPLETED, and GET /model agrees', async ({
    streams,
    slowApi,
    slowTarget,
    safety,
    judge,
    runDownload,
    suiteConfig,
  }) => {
    const f = { streams, slowApi, slowTarget, safety, judge, runDownload, suiteConfig };
    const { model, watch } = await startWatchedDownload(f, 0, 'COMPLETED');
    const statuses = (await watch.done).frames.map(statusOf);
    expect.soft(statuses.at(-1), `model ${model}: the last progress status`).toBe('COMPLETED');
    await judgeModelAfter(f, model, `after its progress stream ended ${statuses.at(-1) ?? 'without a status'}`, {
      downloaded: true,
      downloading: false,
    });
  });

  test('a cancelled download ends CANCELED and stays not downloaded', async ({
    streams,
    slowApi,
    slowTarget,
    safety,
    judge,
    runDownload,
    suiteConfig,
  }) => {
    const f = { streams, slowApi, slowTarget, safety, judge, runDownload, suiteConfig };
    const { model, watch } = await startWatchedDownload(f, 1, 'CANCELED');
    // Cancel once the download is under way (its first percentage above zero), or at once if it never reports one.
    const deadline = Date.now() + 5000;
    while (
      Date.now() < deadline &&
      !watch.watch.end &&
      !watch.watch.frames.some((fr: any) => ((fr.value as any)?.percentage ?? 0) > 0)
    ) {
      await new Promise((r) => setTimeout(r, 10));
    }
    await f.slowApi.call('cancelModelDownload', { path: { model } });
    const w = await watch.done;
    expect.soft(w.frames.map(statusOf).at(-1), `model ${model}: the last progress status`).toBe('CANCELED');
    await judgeModelAfter(f, model, 'after its download was cancelled', { downloaded: false, downloading: false });
  });
});
