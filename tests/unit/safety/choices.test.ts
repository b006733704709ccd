/**
 * What a live run may send and which models it names or downloads: read-only refusals cover every
 * write and every QGPT operation; questions name a loaded local model first; the one download is
 * the smallest local model not yet downloaded; the run's download model is held by one test at a time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROMPT_OPERATIONS, readonlyRefusal, WRITE_OPERATIONS } from '../../../src/target/safety.js';
import { questionModelOf } from '../../../src/client/index.js';
import { runDownload, smallestDownloadable } from '../../fixtures/runDownload.js';
import { HANDOFF_ENV } from '../../../src/settings/index.js';

test('read-only refuses every write and every prompt, and nothing else', () => {
  for (const op of ['qgptQuestion', 'qgptRelevance', 'qgptReprompt', 'qgptStream'])
    assert.match(readonlyRefusal(op) ?? '', /prompt/);
  for (const op of WRITE_OPERATIONS) assert.match(readonlyRefusal(op) ?? '', /changes the target/);
  for (const op of ['getAssetsSnapshot', 'searchAssets', 'getModel', 'getUser'])
    assert.equal(readonlyRefusal(op), undefined);
  assert.equal(PROMPT_OPERATIONS.size, 4);
});

const model = (id: string, o: Record<string, unknown>) => ({ id, cloud: false, ...o }) as any;

test('questions name a loaded local model, else a downloaded one, else a cloud one; never an embedding model', () => {
  const embed = model('e', { loaded: true, usage: 'TEXT_EMBEDDING' });
  const loaded = model('l', { loaded: true, downloaded: true, usage: 'CODE_CONVERSATION' });
  const downloaded = model('d', { downloaded: true, usage: 'CODE_CONVERSATION' });
  const cloud = { id: 'c', cloud: true, usage: 'CODE_CONVERSATION' };
  assert.equal(questionModelOf([embed, cloud, downloaded, loaded]), 'l');
  assert.equal(questionModelOf([embed, cloud, downloaded]), 'd');
  assert.equal(questionModelOf([embed, cloud]), 'c');
  assert.equal(questionModelOf([embed]), undefined);
});

test('the one download is the smallest local model not downloaded (unknown sizes last)', () => {
  const models = [
    model('big', { bytes: { value: 9e9, readable: '9 GB' } }),
    model('done', { downloaded: true, bytes: { value: 1, readable: '1 B' } }),
    model('busy', { downloading: true, bytes: { value: 2, readable: '2 B' } }),
    model('unknown', {}),
    model('small', { bytes: { value: 2e9, readable: '2 GB' } }),
    { id: 'cloud', cloud: true, bytes: { value: 0, readable: '0 B' } } as any,
  ];
  assert.equal(smallestDownloadable(models)?.id, 'small');
  assert.equal(smallestDownloadable([model('unknown', {})])?.id, 'unknown');
  assert.equal(smallestDownloadable([]), undefined);
});

test("the run's download model is held by one claim at a time, and released", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pc-lock-'));
  try {
    const env = { [HANDOFF_ENV.downloadModel]: 'm1', [HANDOFF_ENV.ledgerFile]: join(dir, 'run.jsonl') };
    const a = runDownload(env);
    const b = runDownload(env);
    assert.equal(await a.claim(100), 'm1');
    assert.equal(await b.claim(300), undefined, 'busy while the first holds it');
    a.release();
    assert.equal(await b.claim(300), 'm1');
    b.release();
    assert.equal(await runDownload({}).claim(10), undefined, 'none chosen: nothing to claim');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
