/** The smoke steps of models (the snapshot and one model; state changes only when allowed) and of the user. */
import type { StepCheck } from '../recorder.js';
import { listing, NO_WRITE, type SmokeRun } from './context.js';
import { userOf } from '../../../client/envelopes.js';

/** Steps that change a model's state: step name, SDK method, path (all POST). */
const MODEL_STEPS: Array<[string, string, string]> = [
  ['downloadModel', 'ModelApi.modelSpecificModelDownload', '/model/{model}/download'],
  ['cancelModelDownload', 'ModelApi.modelSpecificModelDownloadCancel', '/model/{model}/download/cancel'],
  ['loadModel', 'ModelApi.modelSpecificModelLoad', '/model/{model}/load'],
  ['unloadModel', 'ModelApi.modelSpecificModelUnload', '/model/{model}/unload'],
];

/** Judges a state change's answer: the model it was asked about (noted by `note`), else which one came. */
function answersModel(id: string, note: string): StepCheck<any> {
  return (m) => (m?.id === id ? { note } : { shapeProblem: `answered ${m?.id}` });
}

/** Lists the models and reads one; downloads-and-cancels one and loads-and-unloads another when allowed. */
export async function runModelSteps({ step, skip, api, writes, allowDownloads, leftovers }: SmokeRun): Promise<void> {
  const models = await step(
    'modelsSnapshot',
    'ModelsApi.modelsSnapshot',
    ['GET', '/models'],
    () => api('ModelsApi').modelsSnapshot(),
    listing('models'),
  );
  const list: any[] = Array.isArray(models?.iterable) ? models.iterable : [];
  const someModel = list.find((m) => m && !m.cloud) ?? list[0];
  if (someModel?.id) {
    await step(
      'getModel',
      'ModelApi.modelsSpecificModelSnapshot',
      ['GET', '/model/{model}'],
      () => api('ModelApi').modelsSpecificModelSnapshot({ model: someModel.id }),
      (m: any) =>
        m?.id === someModel.id
          ? { note: `${m.name ?? m.id}` }
          : { shapeProblem: `answered ${m?.id}, not ${someModel.id}` },
    );
  } else
    skip('getModel', 'ModelApi.modelsSpecificModelSnapshot', ['GET', '/model/{model}'], 'no model in the snapshot');
  if (writes && allowDownloads) {
    const fresh = list.find((m) => m && !m.cloud && m.downloaded === false && !m.downloading);
    if (fresh?.id) {
      await step(
        'downloadModel',
        MODEL_STEPS[0][1],
        ['POST', MODEL_STEPS[0][2]],
        () => api('ModelApi').modelSpecificModelDownload({ model: fresh.id }),
        answersModel(fresh.id, `download of ${fresh.name ?? fresh.id} started`),
      );
      const cancelled = await step(
        'cancelModelDownload',
        MODEL_STEPS[1][1],
        ['POST', MODEL_STEPS[1][2]],
        () => api('ModelApi').modelSpecificModelDownloadCancel({ model: fresh.id }),
        answersModel(fresh.id, 'download cancelled'),
      );
      if (!cancelled) leftovers.push(`model ${fresh.id} (download may still be running: cancel failed)`);
    } else {
      skip('downloadModel', MODEL_STEPS[0][1], ['POST', MODEL_STEPS[0][2]], 'no local model left to download');
      skip('cancelModelDownload', MODEL_STEPS[1][1], ['POST', MODEL_STEPS[1][2]], 'no download started');
    }
    const ready = list.find((m) => m && !m.cloud && m.downloaded === true && m.loaded !== true);
    if (ready?.id) {
      const loaded = await step(
        'loadModel',
        MODEL_STEPS[2][1],
        ['POST', MODEL_STEPS[2][2]],
        () => api('ModelApi').modelSpecificModelLoad({ model: ready.id }),
        answersModel(ready.id, `loaded ${ready.name ?? ready.id}`),
      );
      const unloaded = await step(
        'unloadModel',
        MODEL_STEPS[3][1],
        ['POST', MODEL_STEPS[3][2]],
        () => api('ModelApi').modelSpecificModelUnload({ model: ready.id }),
        answersModel(ready.id, 'unloaded again'),
      );
      if (loaded && !unloaded) leftovers.push(`model ${ready.id} (left loaded: unload failed)`);
    } else {
      skip('loadModel', MODEL_STEPS[2][1], ['POST', MODEL_STEPS[2][2]], 'no downloaded, unloaded local model');
      skip('unloadModel', MODEL_STEPS[3][1], ['POST', MODEL_STEPS[3][2]], 'no model loaded by the run');
    }
  } else {
    const why = writes ? 'model downloads, loads and unloads need --allow-downloads on a live target' : NO_WRITE;
    for (const [s, m, p] of MODEL_STEPS) skip(s, m, ['POST', p], why);
  }
}

/** Reads the signed-in user (or that nobody is). */
export async function runUserStep({ step, api }: SmokeRun): Promise<void> {
  await step(
    'user',
    'UserApi.userSnapshot',
    ['GET', '/user'],
    () => api('UserApi').userSnapshot(),
    (u: any) =>
      u && typeof u === 'object'
        ? { note: userOf(u) ? 'a user is signed in' : 'nobody signed in (user absent)' }
        : { shapeProblem: 'the answer is not an object' },
  );
}
