/**
 * The realistic profile's behaviours (scaled down so the test stays fast): latency before the first
 * chunk and between chunks, REST answers that wait for the whole answer, a search index that lags
 * writes, answers that vary, downloads in uneven, never-decreasing steps; and the instant profile
 * as before (no REST latency, no lag, the same text twice).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startEmulator, resolveOptions, type RunningEmulator } from '../../../emulator/index.js';
import { downloadSteps, parseRange } from '../../../emulator/profile.js';
import { seed } from './helpers.js';
import { StreamClient } from './wsclient.js';

const post = async (em: RunningEmulator, path: string, body?: unknown) => {
  const r = await fetch(em.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  return r.json() as Promise<any>;
};

const question = { query: 'How do I reverse a list in Python?', relevant: { iterable: [] } };

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await run();
  return [value, performance.now() - t0];
}

describe('emulator realistic profile', () => {
  let em: RunningEmulator;
  before(async () => {
    em = await startEmulator({
      port: 0,
      profile: 'realistic',
      firstTokenMs: [150, 200],
      chunkMs: [5, 10],
      indexLagMs: 400,
      downloadMs: 600,
    });
  });
  after(() => em.close());

  test('a REST question waits for the whole answer, and two answers differ', async () => {
    const [a, ms] = await timed(() => post(em, '/qgpt/question', question));
    const [b] = await timed(() => post(em, '/qgpt/question', question));
    const words = a.answers.iterable[0].text.split(/\s+/).length;
    assert.ok(ms >= 150 + 5 * (words - 1) * 0.8, `answered after ${Math.round(ms)} ms for ${words} words`);
    assert.ok(a.answers.iterable[0].text.includes(question.query), 'the answer still quotes the question');
    // Six openers and forty confidences: two identical answers in a row happen once in 240 tries.
    const c = (await post(em, '/qgpt/question', question)).answers.iterable[0].text;
    assert.ok(new Set([a.answers.iterable[0].text, b.answers.iterable[0].text, c]).size > 1, 'answers vary');
  });

  test('a streamed answer: the first chunk after the first-token latency, then chunks paced apart', async () => {
    const client = await StreamClient.open(em.url);
    try {
      const t0 = Date.now();
      client.send({ request: 'r-pace', question });
      const frames = await client.finished('r-pace');
      const firstChunk = frames.find((f) => f.question?.answers?.iterable?.[0]?.text);
      assert.ok(firstChunk, 'a chunk arrived');
      assert.equal(frames.at(-1).status, 'COMPLETED');
      assert.ok(Date.now() - t0 >= 150, 'the answer took at least the first-token latency');
    } finally {
      client.close();
    }
  });

  test('search and relevance find a new asset only after the index lag; reads by id at once', async () => {
    const token = `lagtoken${Date.now()}`;
    const asset = await post(em, '/assets/create', seed(`const ${token} = 1;`, { name: 'Lagging' }));
    const read = await fetch(`${em.url}/asset/${asset.id}`);
    assert.equal(read.status, 200, 'read by id at once');
    const search = async () =>
      ((await post(em, '/assets/search?transferables=false', { query: token })).results.iterable as any[]).map(
        (r) => r.identifier,
      );
    const relevant = async () =>
      (
        (await post(em, '/qgpt/relevance', { query: token, assets: { iterable: [{ id: asset.id }] } })).relevant
          .iterable as any[]
      ).map((r) => r.id);
    assert.deepEqual(await search(), [], 'not found yet');
    assert.deepEqual(await relevant(), [], 'not relevant yet');
    await new Promise((r) => setTimeout(r, 450));
    assert.deepEqual(await search(), [asset.id], 'found after the lag');
    assert.deepEqual(await relevant(), [asset.id], 'relevant after the lag');
  });

  test('a download takes its time in uneven, fractional, never-decreasing steps', () => {
    const steps = downloadSteps(20, mulberry(7));
    assert.equal(steps.length, 19);
    for (let i = 1; i < steps.length; i++) assert.ok(steps[i] >= steps[i - 1], `step ${i} does not decrease`);
    assert.ok(steps.at(-1)! < 100);
    const gaps = steps.slice(1).map((s, i) => Math.round((s - steps[i]) * 100));
    assert.ok(new Set(gaps).size > 3, 'uneven steps');
    assert.ok(
      steps.some((s) => !Number.isInteger(s)),
      'fractional percentages',
    );
  });

  test('options: the profile sets the defaults, each overridable; bad ones are refused by name', () => {
    const r = resolveOptions({ profile: 'realistic' });
    assert.deepEqual(
      [r.firstTokenMs, r.chunkMs, r.indexLagMs, r.downloadMs, r.variedAnswers],
      [[500, 2000], [20, 80], 1500, 4000, true],
    );
    const i = resolveOptions({});
    assert.deepEqual([i.indexLagMs, i.downloadMs, i.variedAnswers], [0, 300, false]);
    assert.throws(() => resolveOptions({ profile: 'slow' as never }), /Invalid emulator option profile/);
    assert.throws(() => resolveOptions({ chunkMs: [5, 1] }), /Invalid emulator option chunkMs/);
    assert.deepEqual(parseRange('500-2000'), [500, 2000]);
    assert.equal(parseRange('9-1'), undefined);
  });
});

describe('emulator instant profile', () => {
  let em: RunningEmulator;
  before(async () => {
    em = await startEmulator({ port: 0 });
  });
  after(() => em.close());

  test('no index lag, the same answer twice', async () => {
    const token = `instanttoken${Date.now()}`;
    const asset = await post(em, '/assets/create', seed(`const ${token} = 1;`));
    const found = await post(em, '/assets/search', { query: token });
    assert.equal(found.results.iterable[0]?.identifier, asset.id);
    const a = await post(em, '/qgpt/question', question);
    const b = await post(em, '/qgpt/question', question);
    assert.equal(a.answers.iterable[0].text, b.answers.iterable[0].text);
  });
});

/** A seeded PRNG (mulberry32). */
function mulberry(seedValue: number): () => number {
  let a = seedValue;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
