/** How the Conversations, Models, Applications, User and Connector bugs show. */
import { WebSocket } from 'ws';
import { APP } from '../helpers.js';
import { req, sleep, streamed, type ShowsBug } from './requests.js';

const PHI = '8b6f1f7e-fe62-4c20-9a2a-85bec36b7480';
const LLAMA = '2bf90807-c916-4196-9aa8-9a3d90f35ef1';

export const LIFECYCLE_BUGS: Record<string, ShowsBug> = {
  'conversation-missing-messages': async (em) => {
    const { c } = await streamed(em);
    c.close();
    const conversation = c.frames[0].conversation;
    return (await req(em, 'GET', `/conversation/${conversation}/messages`)).json.iterable.length === 0;
  },
  'conversations-text-plain': async (em) => (await req(em, 'GET', '/conversations')).type.startsWith('text/plain'),
  'conversation-gone-as-500': async (em) => (await req(em, 'GET', '/conversation/no-such')).status === 500,
  'conversation-delete-keeps': async (em) => {
    const { id } = (await req(em, 'POST', '/conversations/create', { type: 'COPILOT', name: 'short-lived' })).json;
    const deleted = await req(em, 'POST', `/conversations/${id}/delete`);
    return deleted.status === 204 && (await req(em, 'GET', `/conversation/${id}`)).status === 200;
  },
  'load-without-download': async (em) => (await req(em, 'POST', `/model/${LLAMA}/load`)).status === 200,
  'unload-keeps-loaded': async (em) => {
    await req(em, 'POST', `/model/${PHI}/load`);
    const r = await req(em, 'POST', `/model/${PHI}/unload`);
    return r.json.loaded === false && (await req(em, 'GET', `/model/${PHI}`)).json.loaded === true;
  },
  'model-410-as-404': async (em) => (await req(em, 'GET', '/model/no-such')).status === 404,
  'download-stalls': async (em) => {
    await req(em, 'POST', `/model/${LLAMA}/download`);
    // A 30 ms download: one second is ample even on a loaded machine; stalled, it never ends.
    for (const deadline = Date.now() + 1000; Date.now() < deadline; await sleep(20)) {
      if ((await req(em, 'GET', `/model/${LLAMA}`)).json.downloaded) return false;
    }
    return true;
  },
  'download-progress-decreases': async (em) => {
    const frames: any[] = await new Promise((resolve, reject) => {
      const ws = new WebSocket(`${em.url.replace('http', 'ws')}/model/${LLAMA}/download/progress`);
      const got: any[] = [];
      ws.on('message', (d) => {
        got.push(JSON.parse(d.toString()));
        if (got.length === 1) void fetch(`${em.url}/model/${LLAMA}/download`, { method: 'POST' });
        if (got.at(-1).status === 'COMPLETED') {
          ws.close();
          resolve(got);
        }
      });
      ws.on('error', reject);
    });
    const pct = frames.filter((f) => typeof f.percentage === 'number').map((f) => f.percentage);
    return pct.some((p, i) => i > 0 && p < pct[i - 1]);
  },
  'session-close-twice-ok': async (em) => {
    const s = (await req(em, 'POST', '/applications/session/open')).json;
    await req(em, 'POST', '/applications/session/close', s.id);
    return (await req(em, 'POST', '/applications/session/close', s.id)).status === 200;
  },
  'register-not-listed': async (em) => {
    await req(em, 'POST', '/applications/register', APP);
    return !(await req(em, 'GET', '/applications')).json.iterable.some((a: any) => a.id === APP.id);
  },
  'user-wrong-type': async (em) => typeof (await req(em, 'GET', '/user')).json.user.aesthetics.font.size === 'string',
  'connect-missing-health': async (em) =>
    (await req(em, 'POST', '/connect', { application: { name: 'VIM', platform: 'LINUX', version: '1' } })).json
      .health === undefined,
};
