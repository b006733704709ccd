/**
 * Model download progress on /model/{model}/download/progress: the percentage never decreases and
 * the download ends COMPLETED, which GET /model/{model} then agrees with; a cancelled download ends
 * CANCELED and stays not downloaded. On the embedded emulator these run against the dedicated slow
 * emulator (its own models, so no other test's download interferes); on a live target only with
 * PIECES_ALLOW_DOWNLOADS=1, on the run's one download model (the smallest), one test at a time.
 */
import { test, expect, type SlowTarget } from './fixtures.js';
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

test.describe('Model download progress', { tag: '@Models' }, () => {
  test('a download: percentage never decreases, ends COMPLETED, and GET /model agrees', async ({
    streams,
    slowApi,
    slowTarget,
    safety,
    judge,
    runDownload,
    suiteConfig: { budgets },
  }) => {
    safety.downloads();
    // The watch waits up to the download budget: a socket that goes quiet is reported when it runs out.
    test.setTimeout(modelTestTimeoutMs(budgets, 1));
    const model = await idleLocalModel(slowApi, 0, slowTarget, runDownload, budgets.downloadMs);
    test.skip(!model, 'no local model left that is not downloaded');
    const session = streams.session(slowTarget.url);
    const watch = await session.watchDownload(model!, { expectTerminal: 'COMPLETED' });
    await slowApi.call('downloadModel', { path: { model: model! } });
    const w = await watch.done;
    const statuses = w.frames.map(statusOf);
    expect.soft(statuses.at(-1), `model ${model}: the last progress status`).toBe('COMPLETED');
    const after = await slowApi.call('getModel', { path: { model: model! } });
    const m: any = after.data ?? {};
    judge('model_state_machine', {
      operation: 'getModel',
      model: model!,
      step: `after its progress stream ended ${statuses.at(-1) ?? 'without a status'}`,
      observed: { downloaded: m.downloaded, downloading: m.downloading },
      expected: { downloaded: true, downloading: false },
    });
  });

  test('a cancelled download ends CANCELED and stays not downloaded', async ({
    streams,
    slowApi,
    slowTarget,
    safety,
    judge,
    runDownload,
    suiteConfig: { budgets },
  }) => {
    safety.downloads();
    // The watch waits up to the download budget: a socket that goes quiet is reported when it runs out.
    test.setTimeout(modelTestTimeoutMs(budgets, 1));
    const model = await idleLocalModel(slowApi, 1, slowTarget, runDownload, budgets.downloadMs);
    test.skip(!model, 'no second local model left that is not downloaded');
    const session = streams.session(slowTarget.url);
    const watch = await session.watchDownload(model!, { expectTerminal: 'CANCELED' });
    await slowApi.call('downloadModel', { path: { model: model! } });
    // Cancel once the download is under way (its first percentage above zero), or at once if it never reports one.
    const deadline = Date.now() + 5000;
    while (
      Date.now() < deadline &&
      !watch.watch.end &&
      !watch.watch.frames.some((f) => ((f.value as any)?.percentage ?? 0) > 0)
    ) {
      await new Promise((r) => setTimeout(r, 10));
    }
    await slowApi.call('cancelModelDownload', { path: { model: model! } });
    const w = await watch.done;
    expect.soft(w.frames.map(statusOf).at(-1), `model ${model}: the last progress status`).toBe('CANCELED');
    const after = await slowApi.call('getModel', { path: { model: model! } });
    const m: any = after.data ?? {};
    judge('model_state_machine', {
      operation: 'getModel',
      model: model!,
      step: 'after its download was cancelled',
      observed: { downloaded: m.downloaded, downloading: m.downloading },
      expected: { downloaded: false, downloading: false },
    });
  });
});
