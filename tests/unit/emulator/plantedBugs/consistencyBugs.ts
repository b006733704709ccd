/** How the bugs of consistency show: search and listings after writes, lifecycle invariants, collateral damage, content. */
import { create, req, streamed, type ShowsBug } from './requests.js';
import { seed } from '../helpers.js';

/** The raw content an asset created from `raw` reads back with. */
async function roundTrip(em: Parameters<ShowsBug>[0], raw: string): Promise<string> {
  const a = await create(em, raw);
  return (await req(em, 'GET', `/asset/${a.id}`)).json.original.reference.fragment.string.raw;
}

/** The ids a search answers. */
async function searchIds(em: Parameters<ShowsBug>[0], query: string): Promise<string[]> {
  return (await req(em, 'POST', '/assets/search', { query })).json.results.iterable.map((r: any) => r.identifier);
}

const conversation = async (em: Parameters<ShowsBug>[0], name: string) =>
  (await req(em, 'POST', '/conversations/create', { type: 'COPILOT', name })).json.id as string;

export const CONSISTENCY_BUGS: Record<string, ShowsBug> = {
  'content-unicode-normalized': async (em) => (await roundTrip(em, 'cafe\u0301')) !== 'cafe\u0301',
  'content-newlines-normalized': async (em) => (await roundTrip(em, 'a\r\nb\rc')) !== 'a\r\nb\rc',
  'content-long-line-cut': async (em) => {
    const line = 'x'.repeat(70_000);
    return (await roundTrip(em, line)) !== line;
  },
  'update-resets-created': async (em) => {
    const a = await create(em, 'x', 'before');
    const u = (await req(em, 'POST', '/asset/update', { ...a, name: 'after' })).json;
    return u.created.value !== a.created.value;
  },
  'update-drops-unsent-content': async (em) => {
    const a = await create(em, 'keep me', 'before');
    const lite = (await req(em, 'GET', `/asset/${a.id}?transferables=false`)).json;
    await req(em, 'POST', '/asset/update', { ...lite, name: 'after' });
    return (await req(em, 'GET', `/asset/${a.id}`)).json.original.reference.fragment.string.raw !== 'keep me';
  },
  'transferables-ignored': async (em) => {
    const a = await create(em, 'payload here');
    const listed = (await req(em, 'GET', '/assets?transferables=false')).json.iterable.find((x: any) => x.id === a.id);
    return listed?.original?.reference?.fragment?.string?.raw === 'payload here';
  },
  'pseudo-listed-by-default': async (em) => {
    const s = seed('a pseudo one');
    const a = (await req(em, 'POST', '/assets/create', { ...s, asset: { ...s.asset, pseudo: true } })).json;
    return (await req(em, 'GET', '/assets')).json.iterable.some((x: any) => x.id === a.id);
  },
  'snapshot-duplicates-updated': async (em) => {
    const a = await create(em, 'x', 'before');
    await req(em, 'POST', '/asset/update', { ...a, name: 'after' });
    return (await req(em, 'GET', '/assets')).json.iterable.filter((x: any) => x.id === a.id).length > 1;
  },
  'delete-by-name': async (em) => {
    const a = await create(em, 'one', 'same');
    const b = await create(em, 'two', 'same');
    await req(em, 'POST', `/assets/${a.id}/delete`);
    return (await req(em, 'GET', `/asset/${b.id}`)).status !== 200;
  },
  'search-keeps-deleted': async (em) => {
    const a = await create(em, 'holds ghosttokenqq', 'ghost');
    await req(em, 'POST', `/assets/${a.id}/delete`);
    return (await searchIds(em, 'ghosttokenqq')).includes(a.id);
  },
  'search-keeps-old-name': async (em) => {
    const a = await create(em, 'x', 'oldnameqq');
    await req(em, 'POST', '/asset/update', { ...a, name: 'newnameqq' });
    return !(await searchIds(em, 'newnameqq')).includes(a.id);
  },
  'search-counts-all-exact': async (em) => {
    await create(em, 'alphaqq then betaqq', 'counts');
    const r = (await req(em, 'POST', '/assets/search', { query: 'betaqq alphaqq' })).json.results;
    return r.exact !== r.iterable.filter((x: any) => x.exact).length;
  },
  'conversation-delete-by-name': async (em) => {
    const a = await conversation(em, 'same');
    const b = await conversation(em, 'same');
    await req(em, 'POST', `/conversations/${a}/delete`);
    return (await req(em, 'GET', `/conversation/${b}`)).status !== 200;
  },
  'streamed-conversation-unlisted': async (em) => {
    const { c } = await streamed(em);
    c.close();
    const id = c.frames[0].conversation;
    return !(await req(em, 'GET', '/conversations')).json.iterable.some((x: any) => x.id === id);
  },
  'messages-indices-off-by-one': async (em) => {
    const { id } = (
      await req(em, 'POST', '/conversations/create', {
        type: 'COPILOT',
        messages: [{ role: 'USER', fragment: { string: { raw: 'hi' } } }],
      })
    ).json;
    const list = (await req(em, 'GET', `/conversation/${id}/messages`)).json;
    return list.indices[list.iterable[0].id] !== 0;
  },
};
