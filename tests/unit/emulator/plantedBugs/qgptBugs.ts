/** How the QGPT bugs show, REST and streamed. */
import { StreamClient } from '../wsclient.js';
import { create, req, streamed, type ShowsBug } from './requests.js';

export const QGPT_BUGS: Record<string, ShowsBug> = {
  'relevance-unsorted': async (em) => {
    await create(em, 'apple apple apple banana', 'apple notes');
    await create(em, 'banana only here', 'fruit');
    const s = (await req(em, 'POST', '/qgpt/relevance', { query: 'apple banana' })).json.relevant.iterable.map(
      (i: any) => i.score,
    );
    return s.some((v: number, i: number) => i > 0 && v > s[i - 1]);
  },
  'relevance-score-out-of-range': async (em) => {
    await create(em, 'kiwi fruit');
    return (await req(em, 'POST', '/qgpt/relevance', { query: 'kiwi' })).json.relevant.iterable.some(
      (i: any) => i.score > 1,
    );
  },
  'question-500-on-empty-relevant': async (em) =>
    (await req(em, 'POST', '/qgpt/question', { query: 'q', relevant: { iterable: [] } })).status === 500,
  'qgpt-rate-limited': async (em) => {
    const q = await req(em, 'POST', '/qgpt/question', { query: 'q', relevant: { iterable: [] } });
    const r = await req(em, 'POST', '/qgpt/relevance', { query: 'q' });
    const { c } = await streamed(em);
    c.close();
    return q.status === 429 && r.status === 429 && c.frames.some((f) => f.status === 'FAILED' && f.statusCode === 429);
  },
  'qgpt-unauthorized': async (em) => (await req(em, 'POST', '/qgpt/relevance', { query: 'q' })).status === 401,
  'qgpt-overloaded': async (em) =>
    (await req(em, 'POST', '/qgpt/question', { query: 'q', relevant: { iterable: [] } })).status === 503,
  'reprompt-missing-query': async (em) =>
    (await req(em, 'POST', '/qgpt/reprompt', { query: 'q', conversation: {} })).json.query === undefined,
  'stream-no-completed': async (em) => {
    const { c } = await streamed(em);
    c.close();
    return !c.frames.some((f) => f.status === 'COMPLETED');
  },
  'stream-frames-after-terminal': async (em) => {
    const { c } = await streamed(em);
    c.close();
    const end = c.frames.findIndex((f) => f.status === 'COMPLETED');
    return end >= 0 && end < c.frames.length - 1;
  },
  'stream-chunks-out-of-order': async (em) => {
    const { c, expected } = await streamed(em);
    c.close();
    const got = c.text('mine');
    return got !== expected && [...got].sort().join('') === [...expected].sort().join('');
  },
  'stream-crosstalk': async (em) => {
    const expectedA = (
      await req(em, 'POST', '/qgpt/question', { query: 'first question here', relevant: { iterable: [] } })
    ).json.answers.iterable[0].text;
    const c = await StreamClient.open(em.url);
    c.send({ request: 'a', question: { query: 'first question here', relevant: { iterable: [] } } });
    c.send({ request: 'b', question: { query: 'second question there', relevant: { iterable: [] } } });
    await c.until((fs) => fs.filter((f) => f.status === 'COMPLETED').length === 2);
    c.close();
    return c.text('a') !== expectedA;
  },
  'stream-invalid-frame': async (em) => {
    const { c } = await streamed(em);
    c.close();
    return c.frames.some((f) => f.status === 'IN_PROGRESS');
  },
  'stream-missing-conversation': async (em) => {
    const { c } = await streamed(em);
    c.close();
    return c.frames.some((f) => f.conversation === undefined);
  },
  'stream-request-not-echoed': async (em) => {
    const { c } = await streamed(em);
    c.close();
    return c.frames.length > 0 && c.frames.every((f) => f.request !== 'mine');
  },
  'stream-malformed-closes': async (em) => {
    const c = await StreamClient.open(em.url);
    c.send('not json at all');
    // Wait for the answer (a FAILED frame) or the close, not a fixed pause: a loaded machine is slow.
    await c.until((fs) => fs.some((f) => f.status === 'FAILED')).catch(() => undefined);
    c.close();
    return !c.frames.some((f) => f.status === 'FAILED');
  },
};
