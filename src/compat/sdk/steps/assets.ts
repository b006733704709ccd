/**
 * The smoke steps of the asset and its formats: create, list, get, update (name), search, the formats;
 * the delete runs at the end (QGPT uses the asset).
 */
import { contentOf, oneLine, searchToken, smokeContent } from '../content.js';
import { listing, NO_WRITE, type SmokeRun } from './context.js';
import { searchResultsOf } from '../../../client/envelopes.js';

/** What the later steps need from the asset steps. */
export interface SmokeAsset {
  /** The search-friendly token the snippet carries. */
  word: string;
  /** The created asset's id, when there is one. */
  assetId?: string;
  /** Why the steps that need the asset did not run. */
  noAsset: string;
}

/** Creates the marked asset for `app` and exercises the assets, asset and formats APIs with it. */
export async function runAssetSteps({ step, skip, api, marker, writes }: SmokeRun, app: any): Promise<SmokeAsset> {
  const word = searchToken();
  const content = smokeContent(word);
  let asset: any;
  if (writes) {
    asset = await step(
      'createAsset',
      'AssetsApi.assetsCreateNewAsset',
      ['POST', '/assets/create'],
      () =>
        api('AssetsApi').assetsCreateNewAsset({
          seed: {
            type: 'SEEDED_ASSET',
            asset: {
              application: app,
              format: { fragment: { string: { raw: content } } },
              metadata: { name: `${marker}:asset` },
            },
          },
        }),
      (a: any) => {
        const c = contentOf(a, content);
        if (a?.id == null) return { ...c, shapeProblem: 'the asset has no id' };
        return typeof a.id === 'string'
          ? c
          : { ...c, shapeProblem: `the asset id is not a string: ${JSON.stringify(a.id)}` };
      },
    );
  } else skip('createAsset', 'AssetsApi.assetsCreateNewAsset', ['POST', '/assets/create'], NO_WRITE);
  // An id of the wrong type is reported on createAsset; the later steps still use it (and delete the asset).
  const assetId: string | undefined = asset?.id != null && asset.id !== '' ? String(asset.id) : undefined;
  const noAsset = writes ? 'no asset id (createAsset failed or answered none)' : NO_WRITE;
  await step(
    'assetsSnapshot',
    'AssetsApi.assetsSnapshot',
    ['GET', '/assets'],
    () => api('AssetsApi').assetsSnapshot({}),
    (a: any) =>
      Array.isArray(a?.iterable)
        ? {
            note: `${a.iterable.length} assets${assetId ? (a.iterable.some((x: any) => String(x?.id) === assetId) ? ', the created one among them' : ', the created one missing') : ''}`,
          }
        : { shapeProblem: 'iterable is missing' },
  );
  let fetched: any;
  if (assetId) {
    fetched = await step(
      'getAsset',
      'AssetApi.assetSnapshot',
      ['GET', '/asset/{asset}'],
      () => api('AssetApi').assetSnapshot({ asset: assetId, transferables: true }),
      (a: any) =>
        String(a?.id) === assetId ? contentOf(a, content) : { shapeProblem: `answered asset ${a?.id}, not ${assetId}` },
    );
    const renamed = `${marker}:renamed`;
    await step(
      'updateAsset',
      'AssetApi.assetUpdate',
      ['POST', '/asset/update'],
      () => api('AssetApi').assetUpdate({ asset: { ...(fetched ?? asset), name: renamed }, transferables: true }),
      (a: any) => {
        const c = contentOf(a, content);
        if (a?.name !== renamed)
          return { ...c, shapeProblem: `the name is ${JSON.stringify(a?.name)}, not the new name` };
        return { ...c, note: `renamed; ${c.note}` };
      },
    );
  } else {
    skip('getAsset', 'AssetApi.assetSnapshot', ['GET', '/asset/{asset}'], noAsset);
    skip('updateAsset', 'AssetApi.assetUpdate', ['POST', '/asset/update'], noAsset);
  }
  await step(
    'searchAssets',
    'AssetsApi.assetsSearchWithFilters',
    ['POST', '/assets/search'],
    () => api('AssetsApi').assetsSearchWithFilters({ assetsSearchWithFiltersInput: { query: word } }),
    (out: any) => {
      const list = searchResultsOf(out)?.iterable;
      if (!Array.isArray(list))
        return {
          shapeProblem:
            'results.iterable is missing: the answer lacks the {results} envelope the SDK reads (AssetsSearchWithFiltersOutput), so the SDK answers results: undefined',
        };
      const found = assetId ? list.some((r: any) => String(r?.asset?.id ?? r?.identifier) === assetId) : undefined;
      return {
        note: `${list.length} results${found === undefined ? '' : found ? ', the created asset among them' : ', the created asset not found'}`,
      };
    },
  );

  // Formats.
  await step(
    'formatsSnapshot',
    'FormatsApi.formatsSnapshot',
    ['GET', '/formats'],
    () => api('FormatsApi').formatsSnapshot({}),
    listing('formats'),
  );
  const formatId: string | undefined =
    (fetched ?? asset)?.original?.id ?? (fetched ?? asset)?.formats?.iterable?.[0]?.id;
  if (formatId) {
    await step(
      'getFormat',
      'FormatApi.formatSnapshot',
      ['GET', '/format/{format}'],
      () => api('FormatApi').formatSnapshot({ format: formatId, transferable: true }),
      (f: any) =>
        f?.id === formatId
          ? { note: f?.fragment?.string?.raw === content ? 'the format holds the content as sent' : 'format answered' }
          : { shapeProblem: `answered format ${f?.id}, not ${formatId}` },
    );
  } else
    skip(
      'getFormat',
      'FormatApi.formatSnapshot',
      ['GET', '/format/{format}'],
      assetId ? 'the asset answer names no format' : noAsset,
    );
  return { word, assetId, noAsset };
}

/** Deletes the run's asset (a step of the run), recording it as a leftover when that fails. */
export async function deleteSmokeAsset(
  { step, skip, api, calls, leftovers }: SmokeRun,
  { assetId, noAsset }: SmokeAsset,
): Promise<void> {
  if (assetId) {
    const deleted = await step(
      'deleteAsset',
      'AssetsApi.assetsDeleteAsset',
      ['POST', '/assets/{asset}/delete'],
      () => api('AssetsApi').assetsDeleteAsset({ asset: assetId }),
      (v: unknown) =>
        typeof v === 'string' && v.trim().replace(/^"|"$/g, '') === assetId
          ? { note: 'answered the deleted id' }
          : { note: `answered ${JSON.stringify(typeof v === 'string' ? oneLine(v, 60) : v)}` },
    );
    if (deleted === undefined) leftovers.push(`asset ${assetId} (${calls[calls.length - 1].error ?? 'delete failed'})`);
  } else skip('deleteAsset', 'AssetsApi.assetsDeleteAsset', ['POST', '/assets/{asset}/delete'], noAsset);
}
