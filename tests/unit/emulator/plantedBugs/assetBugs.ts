/** How the Well Known, Assets and Formats bugs show. */
import { APP, seed } from '../helpers.js';
import { create, req, type ShowsBug } from './requests.js';

export const ASSET_BUGS: Record<string, ShowsBug> = {
  'health-json': async (em) => (await req(em, 'GET', '/.well-known/health')).type.startsWith('application/json'),
  'version-not-semver': async (em) => !/^\d+\.\d+\.\d+/.test((await req(em, 'GET', '/.well-known/version')).text),
  'asset-id-number': async (em) => typeof (await create(em, 'x')).id === 'number',
  'undocumented-status-create': async (em) => (await req(em, 'POST', '/assets/create', seed('x'))).status === 201,
  'reject-valid-seed': async (em) => (await req(em, 'POST', '/assets/create', seed('x', { name: 'n' }))).status === 400,
  'accept-invalid-seed': async (em) =>
    (await req(em, 'POST', '/assets/create', { asset: { application: APP } })).status === 200,
  'partial-write-on-bad-seed': async (em) => {
    const r = await req(em, 'POST', '/assets/create', {});
    return r.status === 400 && (await req(em, 'GET', '/assets')).json.iterable.length > 0;
  },
  'roundtrip-trims-content': async (em) => {
    const a = await create(em, '  padded\u0000 ');
    return (await req(em, 'GET', `/asset/${a.id}`)).json.original.reference.fragment.string.raw !== '  padded\u0000 ';
  },
  'bad-json-500': async (em) => (await req(em, 'POST', '/assets/create', undefined, '{"asset":')).status === 500,
  'snapshot-omits-new-asset': async (em) => {
    const a = await create(em, 'one');
    return !(await req(em, 'GET', '/assets')).json.iterable.some((x: any) => x.id === a.id);
  },
  'update-not-persisted': async (em) => {
    const a = await create(em, 'x', 'before');
    await req(em, 'POST', '/asset/update', { ...a, name: 'after' });
    return (await req(em, 'GET', `/asset/${a.id}`)).json.name !== 'after';
  },
  'delete-does-not-delete': async (em) => {
    const a = await create(em, 'x');
    await req(em, 'POST', `/assets/${a.id}/delete`);
    return (await req(em, 'GET', `/asset/${a.id}`)).status === 200;
  },
  'delete-twice-ok': async (em) => {
    const a = await create(em, 'x');
    await req(em, 'POST', `/assets/${a.id}/delete`);
    return (await req(em, 'POST', `/assets/${a.id}/delete`)).status === 200;
  },
  'gone-as-404': async (em) => (await req(em, 'GET', '/asset/no-such-id')).status === 404,
  'search-misses-content': async (em) => {
    await create(em, 'contains uniqtokenqq', 'plain name');
    return (await req(em, 'POST', '/assets/search', { query: 'uniqtokenqq' })).json.results.iterable.length === 0;
  },
  'search-5xx-on-quote': async (em) => (await req(em, 'POST', '/assets/search', { query: 'say "hi' })).status >= 500,
  'format-missing-classification': async (em) => {
    const a = await create(em, 'x');
    return (await req(em, 'GET', `/format/${a.original.id}`)).json.classification === undefined;
  },
  'formats-keep-deleted': async (em) => {
    const a = await create(em, 'x');
    await req(em, 'POST', `/assets/${a.id}/delete`);
    return (await req(em, 'GET', '/formats')).json.iterable.some((f: any) => f.asset.id === a.id);
  },
};
