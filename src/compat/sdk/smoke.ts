/**
 * The SDK smoke run: drives a target through the official TypeScript SDK (typescript-fetch,
 * `new Configuration({ basePath })`, its API classes) the way integrations call it, and records for
 * every call whether it worked, the SDK's error when it did not (`ResponseError: 410 ...`, a JSON
 * parse error of a text endpoint, a TypeError from a `FromJSON` that needed a missing field), the
 * HTTP requests it made, and whether the snippet content survives
 * (`original.reference.fragment.string.raw` equal to what was sent).
 *
 * Everything it creates is marked (`pieces-conformance:sdk-<version>:<nonce>`) and removed at the
 * end. Model downloads, loads and unloads run only when allowed; a read-only run makes no writes.
 *
 * This module runs the step groups in order (`steps/`); the recorder (`recorder.ts`) records every
 * call and request, `content.ts` holds the content check and the error text.
 */
import { randomBytes } from 'node:crypto';
import type { SdkModule } from './load.js';
import { createRecorder } from './recorder.js';
import type { SdkSmokeOptions, SdkSmokeResult } from './types.js';
import type { SmokeRun } from './steps/context.js';
import { runApplicationSteps, runWellKnownSteps } from './steps/apps.js';
import { deleteSmokeAsset, runAssetSteps } from './steps/assets.js';
import { runQgptSteps } from './steps/qgpt.js';
import { deleteSmokeConversation, runConversationSteps } from './steps/conversations.js';
import { runModelSteps, runUserStep } from './steps/models.js';

/** The smoke run's shapes, re-exported for the modules that import them from here. */
export type { ContentCheck, SdkCall, SdkHttp, SdkOutcome, SdkSmokeOptions, SdkSmokeResult } from './types.js';
/** The content check and the error text, re-exported for the modules that import them from here. */
export { contentOf, describeSdkError, smokeContent } from './content.js';

/** Runs the smoke run against one target; never throws for what the target or the SDK did. */
export async function runSdkSmoke(opts: SdkSmokeOptions): Promise<SdkSmokeResult> {
  const t0 = Date.now();
  const startedAt = new Date(t0).toISOString();
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const { sdk, version, name } = opts.loaded;
  const nonce = opts.nonce ?? randomBytes(3).toString('hex');
  const marker = `pieces-conformance:sdk-${version}:${nonce}`;

  const { calls, fetchApi, step, skip } = createRecorder(basePath, timeoutMs);
  const config = new sdk.Configuration({ basePath: baseUrl, fetchApi });
  const api = (cls: string): any => {
    const C = (sdk as SdkModule)[cls];
    if (typeof C !== 'function') throw new TypeError(`the SDK has no ${cls}`);
    return new C(config);
  };
  const run: SmokeRun = {
    step,
    skip,
    calls,
    api,
    marker,
    writes: !opts.readonly,
    allowDownloads: Boolean(opts.allowDownloads),
    leftovers: [],
  };

  await runWellKnownSteps(run);
  const application = await runApplicationSteps(run);
  const asset = await runAssetSteps(run, application);
  await runQgptSteps(run, asset.word, asset.assetId);
  const conversationId = await runConversationSteps(run);
  await runModelSteps(run);
  await runUserStep(run);
  // Delete what was made: the asset (a step), then the conversation (cleanup: not one of the 28 operations).
  await deleteSmokeAsset(run, asset);
  await deleteSmokeConversation(run, conversationId);

  return {
    sdk: { name, version },
    baseUrl,
    startedAt,
    durationMs: Date.now() - t0,
    marker,
    calls,
    leftovers: run.leftovers,
  };
}
