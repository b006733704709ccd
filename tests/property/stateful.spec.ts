/**
 * Stateful property: random sequences of asset, conversation and model-lifecycle commands
 * (`fc.commands` over the one list in commands/index.ts) run against the target with
 * `fc.asyncModelRun`. After each command the model's view matches the target, and every exchange
 * passes the checks. Model commands run on the embedded emulator, and on a live target only with
 * PIECES_ALLOW_DOWNLOADS=1 and only on the run's one download model (the smallest), held by this
 * test while it runs. A failure prints the seed, the path and the command replay path.
 */
import fc from 'fast-check';
import { test } from './support/test.js';
import { testNonce } from './support/data.js';
import { drivenModels } from './support/models.js';
import { allCommands } from './commands/index.js';
import type { PiecesModel, PiecesReal } from './model.js';

// On the embedded emulator a download takes a fraction of a second: a stalled one is found sooner.
const EMULATOR_DOWNLOAD_WAIT_MS = 3_000;

test.describe('Properties: stateful', { tag: '@property' }, () => {
  test('any sequence of asset, conversation and model commands keeps the target in step with the model', async ({
    api,
    property,
    judge,
    spec,
    safety,
    target,
    suiteConfig,
    runDownload,
  }) => {
    safety.writes();
    // On a live target the property drives no model unless downloads are allowed, and then only the run's one.
    const only =
      target.kind === 'live' && suiteConfig.allowDownloads
        ? await runDownload.claim(suiteConfig.budgets.downloadMs)
        : undefined;
    const models = target.kind === 'emulator' || only !== undefined;
    // A real download takes minutes: give the test the time the configured waits need.
    const { budgets } = suiteConfig;
    if (budgets.pace === 'live' && models) test.setTimeout(Math.max(test.info().timeout, 20 * budgets.downloadMs));
    const nonce = testNonce();
    const downloadWaitMs =
      budgets.pace === 'instant' ? Math.min(budgets.downloadMs, EMULATOR_DOWNLOAD_WAIT_MS) : budgets.downloadMs;
    const commands = fc.commands(
      allCommands({ spec: spec.dereferenced, models }),
      property.commands({ maxCommands: 25, deepMaxCommands: 60 }),
    );

    await fc.assert(
      fc.asyncProperty(
        commands,
        property.case(async (cmds) => {
          let run: { model: PiecesModel; real: PiecesReal } | undefined;
          const setup = async () => {
            property.begin('setup');
            // The models' flags are the target's at the start of each run: downloads are one-way.
            const driven = models ? await drivenModels(api, only) : [];
            property.settle();
            run = {
              model: {
                assets: [],
                conversations: [],
                models: driven.map(({ downloaded, loaded }) => ({ downloaded, loaded })),
              },
              real: {
                api,
                property,
                judge,
                nonce,
                assets: [],
                conversations: [],
                models: driven.map((m) => m.id),
                downloadWaitMs,
                budgets,
              },
            };
            return run;
          };
          try {
            await fc.asyncModelRun(setup, cmds);
          } finally {
            // Keeps the target small between runs (the fixtures remove anything left at the end).
            property.begin('cleanup');
            for (const [i, view] of (run?.model.assets ?? []).entries()) {
              if (!view.deleted)
                await api.call('deleteAsset', {
                  path: { asset: run!.real.assets[i].id },
                  intent: 'neutral',
                  note: 'end of a run',
                });
            }
          }
        }),
      ),
      property.parameters({ runs: 40, deepRuns: 400 }),
    );
  });
});
