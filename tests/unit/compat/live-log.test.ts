/** The exchange log: one NDJSON file per worker, bodies cut at 256 KiB with the original length noted, read back in order. */
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Exchange } from '../../../src/core/types.js';
import {
  clearExchangeLog,
  exchangeLogDir,
  exchangeLogEnabled,
  ExchangeLogWriter,
  MAX_LOGGED_BODY,
  readExchangeLog,
  toLogged,
} from '../../../src/compat/live/index.js';

const dir = mkdtempSync(join(tmpdir(), 'pc-exlog-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const exchange = (id: string, body = '{"ok":true}'): Exchange => ({
  id,
  operationId: 'getThing',
  request: { method: 'GET', url: 'http://127.0.0.1:1/things', headers: { accept: 'application/json' } },
  response: { status: 200, headers: { 'content-type': 'application/json' }, body },
  startedAt: 1,
  durationMs: 2,
  intent: 'positive',
});

test('the log is opt-in through PIECES_EXCHANGE_LOG', () => {
  assert.equal(exchangeLogEnabled({}), false);
  assert.equal(exchangeLogEnabled({ PIECES_EXCHANGE_LOG: '1' }), true);
  assert.equal(exchangeLogEnabled({ PIECES_EXCHANGE_LOG: 'true' }), true);
  assert.equal(exchangeLogEnabled({ PIECES_EXCHANGE_LOG: '0' }), false);
});

test('one file per worker, one exchange per line, with the test that made it; read back in file and line order', () => {
  const w0 = new ExchangeLogWriter(dir, 'contract-w0-123');
  const w1 = new ExchangeLogWriter(dir, 'contract-w1-124');
  w0.write(exchange('a'), { project: 'contract', test: 'Assets › create' });
  w1.write(exchange('c'));
  w0.write(exchange('b'));
  assert.equal(w0.file, join(exchangeLogDir(dir), 'contract-w0-123.ndjson'));
  assert.equal(readFileSync(w0.file, 'utf8').trim().split('\n').length, 2);
  const read = readExchangeLog(exchangeLogDir(dir));
  assert.deepEqual(
    read.exchanges.map((e) => e.id),
    ['a', 'b', 'c'],
  );
  assert.equal(read.exchanges[0].test, 'Assets › create');
  assert.equal(read.exchanges[0].project, 'contract');
  assert.equal(read.files.length, 2);
  assert.deepEqual(read.skipped, []);
});

test('bodies over 256 KiB are cut, with the original length noted', () => {
  const big = 'x'.repeat(MAX_LOGGED_BODY + 10);
  const logged = toLogged({
    ...exchange('big', big),
    request: { method: 'POST', url: 'http://h/x', headers: {}, body: big },
  });
  assert.equal(logged.response!.body.length, MAX_LOGGED_BODY);
  assert.equal(logged.request.body!.length, MAX_LOGGED_BODY);
  assert.deepEqual(logged.truncated, { request: MAX_LOGGED_BODY + 10, response: MAX_LOGGED_BODY + 10 });
  assert.equal(toLogged(exchange('small')).truncated, undefined);
});

test('a line cut short by a killed worker is skipped and named; a missing log is empty; clearing removes it', () => {
  const w = new ExchangeLogWriter(dir, 'broken');
  w.write(exchange('whole'));
  appendFileSync(w.file, '{"id":"half","request":{"meth');
  const read = readExchangeLog(exchangeLogDir(dir));
  assert.ok(read.exchanges.some((e) => e.id === 'whole'));
  assert.deepEqual(read.skipped, ['broken.ndjson:2']);
  clearExchangeLog(dir);
  assert.equal(existsSync(exchangeLogDir(dir)), false);
  assert.deepEqual(readExchangeLog(exchangeLogDir(dir)).exchanges, []);
});
