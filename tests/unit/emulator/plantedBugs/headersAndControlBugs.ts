/**
 * How the bugs of issue 15's harness-power classes show: answers that are not what their headers
 * say, a dropped connection, stream control and conversation edge cases, timing, a quiet download
 * socket, two views of one model or user.
 */
import { WebSocket } from 'ws';
import { StreamClient } from '../wsclient.js';
import { create, req, sleep, streamed, type ShowsBug } from './requests.js';

const PHI = '8b6f1f7e-fe62-4c20-9a2a-85bec36b7480';
const LLAMA = '2bf90807-c916-4196-9aa8-9a3d90f35ef1';
const ENDED = ['COMPLETED', 'FAILED', 'STOPPED', 'CANCELED'];

/** The progress frames of one download, until COMPLETED or `quietMs` without a frame. */
async function progressFrames(em: { url: string }, model: string, quietMs: number): Promise<any[]> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${em.url.replace('http', 'ws')}/model/${model}/download/progress`);
    const got: any[] = [];
    let timer: NodeJS.Timeout | undefined;
    const end = () => {
      clearTimeout(timer);
      ws.close();
      resolve(got);
    };
    ws.on('message', (d) => {
      got.push(JSON.parse(d.toString()));
      if (got.length === 1) void fetch(`${em.url}/model/${model}/download`, { method: 'POST' });
      clearTimeout(timer);
      if (got.at(-1).status === 'COMPLETED') end();
      else timer = setTimeout(end, quietMs);
    });
    ws.on('error', reject);
  });
}

export const HEADERS_AND_CONTROL_BUGS: Record<string, ShowsBug> = {
  'formats-json-cut': async (em) => {
    await create(em, 'x');
    const r = await fetch(`${em.url}/formats`);
    const text = await r.text();
    try {
      JSON.parse(text);
      return false;
    } catch {
      return (r.headers.get('content-type') ?? '').startsWith('application/json');
    }
  },
  'format-names-other-asset': async (em) => {
    const a = await create(em, 'x');
    return (await req(em, 'GET', `/format/${a.original.id}`)).json.asset.id !== a.id;
  },
  'session-open-drops-connection': async (em) =>
    fetch(`${em.url}/applications/session/open`, { method: 'POST' }).then(
      () => false,
      () => true,
    ),
  'connect-other-user': async (em) => {
    const user = (await req(em, 'GET', '/user')).json.user;
    const ctx = (await req(em, 'POST', '/connect', { application: { name: 'VIM', platform: 'LINUX', version: '1' } }))
      .json;
    return ctx.user.id !== user.id;
  },
  'unload-listed-loaded': async (em) => {
    await req(em, 'POST', `/model/${PHI}/load`);
    await req(em, 'POST', `/model/${PHI}/unload`);
    const one = (await req(em, 'GET', `/model/${PHI}`)).json.loaded;
    const listed = (await req(em, 'GET', '/models')).json.iterable.find((m: any) => m.id === PHI).loaded;
    return one === false && listed === true;
  },
  'download-progress-goes-quiet': async (em) => {
    const frames = await progressFrames(em, LLAMA, 500);
    return !frames.some((f) => f.status === 'COMPLETED') && (await req(em, 'GET', `/model/${LLAMA}`)).json.downloaded;
  },
  'stream-frame-not-json': async (em) => {
    const { c } = await streamed(em);
    c.close();
    return c.frames.some((f) => f.notJson !== undefined);
  },
  'stream-stop-after-complete': async (em) => {
    const { c } = await streamed(em);
    await c.until((fs) => fs.some((f) => f.status === 'COMPLETED'));
    c.send({ request: 'mine', stop: true });
    await sleep(150);
    c.close();
    return c.frames.filter((f) => f.request === 'mine' && ENDED.includes(f.status)).length > 1;
  },
  'stream-follow-up-new-conversation': async (em) => {
    const { c } = await streamed(em);
    const conversation = c.frames.find((f) => f.conversation)?.conversation;
    c.send({ request: 'next', conversation, question: { query: 'and then?', relevant: { iterable: [] } } });
    await c.until((fs) => fs.some((f) => f.request === 'next' && ENDED.includes(f.status)));
    c.close();
    return c.frames.some((f) => f.request === 'next' && f.conversation !== conversation);
  },
  'stream-fails-valid': async (em) => {
    const { c } = await streamed(em);
    c.close();
    return c.frames.some((f) => f.request === 'mine' && f.status === 'FAILED');
  },
  'stream-error-without-message': async (em) => {
    const c = await StreamClient.open(em.url);
    c.send('not json at all');
    await c.until((fs) => fs.some((f) => f.status === 'FAILED'));
    c.close();
    return c.frames.some((f) => f.status === 'FAILED' && f.errorMessage === undefined);
  },
  'stream-slow-first-chunk': async (em) => {
    const c = await StreamClient.open(em.url);
    const t0 = Date.now();
    c.send({ request: 'slow', question: { query: 'q', relevant: { iterable: [] } } });
    await c.until((fs) => fs.some((f) => f.question?.answers?.iterable?.[0]?.text), 8000);
    c.close();
    return Date.now() - t0 >= 5000;
  },
};
