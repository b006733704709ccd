/**
 * Every fault switch plants its bug, and only with the switch on: each row is a probe that answers
 * whether the bug is visible; it must be false on a clean emulator and true with the switch.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WebSocket } from 'ws';
import { listFaults, startEmulator, type RunningEmulator } from '../../../emulator/index.js';
import { APP, seed } from './helpers.js';
import { StreamClient } from './wsclient.js';

const PHI = '8b6f1f7e-fe62-4c20-9a2a-85bec36b7480';
const LLAMA = '2bf90807-c916-4196-9aa8-9a3d90f35ef1';
const CHECKS = new Set([
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
  'request_accepted_as_documented',
  'negative_data_rejection',
  'use_after_delete',
  'ensure_resource_availability',
  'update_persisted',
  'no_state_change_on_rejection',
  'content_round_trip',
  'search_finds_created',
  'relevance_sorted',
  'model_state_machine',
  'stream_frame_schema',
  'stream_grammar',
  'stream_request_echoed',
  'stream_conversation_present',
  'stream_no_crosstalk',
  'stream_chunk_order',
  'download_progress_monotonic',
  'session_lifecycle',
  'conversation_messages_recorded',
]);

interface R {
  status: number;
  type: string;
  text: string;
  json: any;
}
async function req(em: RunningEmulator, method: string, path: string, body?: unknown, raw?: string): Promise<R> {
  const init: RequestInit = { method };
  if (body !== undefined || raw !== undefined) {
    init.headers = { 'content-type': 'application/json' };
    init.body = raw ?? JSON.stringify(body);
  }
  const r = await fetch(em.url + path, init);
  const text = await r.text();
  const type = r.headers.get('content-type') ?? '';
  return { status: r.status, type, text, json: type.startsWith('application/json') ? JSON.parse(text) : undefined };
}
const create = async (em: RunningEmulator, raw: string, name?: string) =>
  (await req(em, 'POST', '/assets/create', seed(raw, { name }))).json;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Streams one question and answers the client once the REST twin's text arrived (plus a grace period). */
async function streamed(
  em: RunningEmulator,
  request = 'mine',
  query = 'hello stream world',
): Promise<{ c: StreamClient; expected: string }> {
  const rest = await req(em, 'POST', '/qgpt/question', { query, relevant: { iterable: [] } });
  const expected = rest.json?.answers?.iterable?.[0]?.text ?? '';
  const c = await StreamClient.open(em.url);
  c.send({ request, question: { query, relevant: { iterable: [] } } });
  const inProgress = (f: any) => f.status === 'IN-PROGRESS' || f.status === 'IN_PROGRESS';
  await c
    .until(
      (fs) =>
        fs.some((f) => ['COMPLETED', 'FAILED'].includes(f.status)) ||
        fs.filter(inProgress).length >= expected.split(/(?<=\s)(?=\S)/).length,
      3000,
    )
    .catch(() => undefined);
  await sleep(60);
  return { c, expected };
}

type Probe = (em: RunningEmulator) => Promise<boolean>;

const PROBES: Record<string, Probe> = {
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
  'gone-as-404': async (em) => (await req(em, 'GET', '/asset/no-such-id')).status === 404,
  'search-misses-content': async (em) => {
    await create(em, 'contains uniqtokenqq', 'plain name');
    return (await req(em, 'POST', '/assets/search', { query: 'uniqtokenqq' })).json.iterable.length === 0;
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
  'relevance-unsorted': async (em) => {
    await create(em, 'apple apple apple banana', 'apple notes');
    await create(em, 'banana only here', 'fruit');
    const s = (await req(em, 'POST', '/qgpt/relevance', { query: 'apple banana' })).json.iterable.map(
      (i: any) => i.score,
    );
    return s.some((v: number, i: number) => i > 0 && v > s[i - 1]);
  },
  'relevance-score-out-of-range': async (em) => {
    await create(em, 'kiwi fruit');
    return (await req(em, 'POST', '/qgpt/relevance', { query: 'kiwi' })).json.iterable.some((i: any) => i.score > 1);
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
  'user-wrong-type': async (em) => typeof (await req(em, 'GET', '/user')).json.aesthetics.font.size === 'string',
  'connect-missing-health': async (em) =>
    (await req(em, 'POST', '/connect', { application: { name: 'VIM', platform: 'LINUX', version: '1' } })).json
      .health === undefined,
};

async function observe(fault: string | undefined, probe: Probe): Promise<boolean> {
  const em = await startEmulator({ port: 0, faults: fault ? [fault] : [], streamDelayMs: 1, downloadMs: 30 });
  try {
    return await probe(em);
  } finally {
    await em.close();
  }
}

// Probes run side by side: each has its own emulator on its own port, and most of their time is waiting.
describe('emulator fault switches', { concurrency: 6 }, () => {
  const faults = listFaults();

  test('the catalogue: at least 20 switches, every tag and the stream, known check names, a probe each', () => {
    assert.ok(faults.length >= 20);
    const tags = new Set(faults.map((f) => f.tag));
    for (const t of [
      'Well Known',
      'Assets',
      'Formats',
      'QGPT',
      'Conversations',
      'Models',
      'Applications',
      'User',
      'Connector',
    ])
      assert.ok(tags.has(t), t);
    assert.ok(faults.some((f) => f.operation === 'qgptStream'));
    assert.ok(faults.some((f) => f.operation === 'modelDownloadProgress'));
    for (const f of faults) {
      assert.ok(CHECKS.has(f.expectedCheck), `${f.name}: unknown check ${f.expectedCheck}`);
      assert.match(f.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(f.description.length > 10);
    }
    assert.deepEqual(Object.keys(PROBES).sort(), faults.map((f) => f.name).sort());
  });

  test('an unknown fault name rejects, naming it and listing the valid ones', async () => {
    await assert.rejects(
      startEmulator({ port: 0, faults: ['health-json', 'nope'] }),
      /Unknown fault switch: nope\. Valid names: health-json, /,
    );
  });

  for (const f of faults) {
    test(`${f.name} plants its bug (${f.expectedCheck}), and only when switched on`, async () => {
      const probe = PROBES[f.name];
      assert.equal(await observe(undefined, probe), false, 'bug visible without the switch');
      assert.equal(await observe(f.name, probe), true, 'bug not visible with the switch');
    });
  }
});
