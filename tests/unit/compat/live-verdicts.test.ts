/**
 * Live verdicts over hand-made exchange logs against two hand-made contract versions that differ the
 * way the seed and upstream do (search envelope, operationIds, path-parameter names, documented
 * statuses): conformant, not-conformant with the first diagnostic, not-exercised, negative requests
 * judged as refusals (and the one real difference a refusal shows), and the cells in the matrix next to the static verdicts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { staticMatrix } from '../../../src/compat/matrix.js';
import type { Json } from '../../../src/compat/types.js';
import {
  applyLive,
  fixPatterns,
  judgeVersions,
  liveVerdicts,
  prepareVersions,
  relativePath,
  unicodeSafePattern,
  type LoggedExchange,
} from '../../../src/compat/live/index.js';
import { doc, obj, str, version } from './fixtures.js';

const BASE = 'http://127.0.0.1:39300';
const json = (schema: Json) => ({ description: 'OK', content: { 'application/json': { schema } } });
const text = { description: 'text', content: { 'text/plain': { schema: { type: 'string' } } } };
const searched = obj({ iterable: { type: 'array', items: obj({ id: str() }, ['id']) } }, ['iterable']);
const asset = obj({ id: str(), name: str() }, ['id']);

/** "seed": bare search answer, seed-style ids, `{id}` path parameter, 200 only. */
const seedDoc = doc({
  '/assets/search': { post: { operationId: 'searchAssets', responses: { '200': json(searched) } } },
  '/asset/{id}': {
    get: {
      operationId: 'getAsset',
      parameters: [{ name: 'id', in: 'path', required: true, schema: str() }],
      responses: { '200': json(asset) },
    },
  },
  '/assets/create': {
    post: {
      operationId: 'createAsset',
      requestBody: { content: { 'application/json': { schema: obj({ asset: obj({}) }) } } },
      responses: { '200': json(asset) },
    },
  },
  '/formats': {
    get: {
      operationId: 'getFormatsSnapshot',
      responses: { '200': json(obj({ iterable: { type: 'array' } }, ['iterable'])) },
    },
  },
});
/** "upstream": the {results} envelope, kebab ids, `{asset}` path parameter, 410 and 400 documented. */
const upstreamDoc = doc({
  '/assets/search': {
    post: {
      operationId: 'assets-search-with-filters',
      responses: { '200': json(obj({ results: searched }, ['results'])), '500': text },
    },
  },
  '/asset/{asset}': {
    get: {
      operationId: 'asset-snapshot',
      parameters: [{ name: 'asset', in: 'path', required: true, schema: str() }],
      responses: { '200': json(asset), '410': text },
    },
  },
  '/assets/create': {
    post: {
      operationId: 'assets-create-new-asset',
      requestBody: { content: { 'application/json': { schema: obj({ asset: obj({}) }, ['asset']) } } },
      responses: { '200': json(asset), '400': text },
    },
  },
  '/formats': {
    get: {
      operationId: 'formats-snapshot',
      responses: { '200': json(obj({ iterable: { type: 'array' } }, ['iterable'])) },
    },
  },
});
const VERSIONS = [version('seed', seedDoc), version('upstream', upstreamDoc, true)];

let n = 0;
/** One logged exchange: method, path, status and a JSON (or text) answer. */
function ex(
  method: string,
  path: string,
  status: number,
  body: unknown,
  more: Partial<LoggedExchange> = {},
): LoggedExchange {
  const isText = typeof body === 'string';
  return {
    id: `x-${++n}`,
    request: { method, url: `${BASE}${path}`, headers: {} },
    response: {
      status,
      headers: { 'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8' },
      body: isText ? body : JSON.stringify(body),
    },
    startedAt: 1_000 + n,
    durationMs: 1,
    intent: 'positive',
    ...more,
  };
}

const prepared = await prepareVersions(VERSIONS);
const judge = (log: LoggedExchange[]) => ({ live: judgeVersions(prepared, log, { baseUrl: BASE }) });
const cellOf = async (log: LoggedExchange[], v: string, key: string) => {
  const m = staticMatrix(VERSIONS);
  applyLive(m, judgeVersions(prepared, log, { baseUrl: BASE }));
  return m.cells[v][key];
};

test('a bare search answer is conformant to the seed and not to upstream, with the first diagnostic', async () => {
  const log = [ex('POST', '/assets/search', 200, { iterable: [{ id: 'a' }] })];
  const seed = await cellOf(log, 'seed', 'POST /assets/search');
  assert.equal(seed.verdict, 'conformant');
  assert.equal(seed.source, 'live');
  assert.match(seed.reason!, /^1 exchange conformant \(statuses 200 ×1\)$/);
  const up = await cellOf(log, 'upstream', 'POST /assets/search');
  assert.equal(up.verdict, 'not-conformant');
  assert.match(
    up.reason!,
    /^POST \/assets\/search: Response violates schema\. response body must have required property 'results' \/ Status: 200 application\/json — 1 of 1 exchange failed/,
  );
});

test('a superset answer (both envelopes) is conformant to both in lenient mode', async () => {
  const log = [
    ex('POST', '/assets/search', 200, { iterable: [{ id: 'a' }], results: { iterable: [{ id: 'a' }] }, extra: true }),
  ];
  assert.equal((await cellOf(log, 'seed', 'POST /assets/search')).verdict, 'conformant');
  assert.equal((await cellOf(log, 'upstream', 'POST /assets/search')).verdict, 'conformant');
});

test('exchanges match each version by method + path, whatever its operationIds and parameter names', () => {
  const { live } = judge([
    ex('GET', '/asset/abc', 200, { id: 'abc' }),
    ex('GET', '/asset/abc?transferables=true', 200, { id: 'abc' }),
  ]);
  const seed = live.versions.find((v) => v.versionId === 'seed')!.operations.get('GET /asset/{}')!;
  const up = live.versions.find((v) => v.versionId === 'upstream')!.operations.get('GET /asset/{}')!;
  assert.equal(seed.operationId, 'getAsset');
  assert.equal(up.operationId, 'asset-snapshot');
  assert.equal(seed.judged, 2);
  assert.equal(up.judged, 2);
  assert.deepEqual(seed.statuses, { 200: 2 });
});

test('an undocumented status of a valid request is not conformant; the version that documents it is', async () => {
  const log = [ex('GET', '/asset/gone', 410, 'Asset gone is Gone.')];
  const seed = await cellOf(log, 'seed', 'GET /asset/{}');
  assert.equal(seed.verdict, 'not-conformant');
  assert.match(
    seed.reason!,
    /^GET \/asset\/\{id\}: Undocumented HTTP status code\. Received: 410 \/ Documented: 200 — 1 of 1 exchange failed/,
  );
  assert.equal((await cellOf(log, 'upstream', 'GET /asset/{}')).verdict, 'conformant');
});

test('operations without an exchange are not exercised; operations a version lacks keep their static cell', async () => {
  const withConnect = doc({
    ...(upstreamDoc.paths as Json),
    '/connect': { post: { operationId: 'connect', responses: { '200': json(obj({})) } } },
  });
  const versions = [version('seed', seedDoc), version('upstream', withConnect, true)];
  const m = staticMatrix(versions);
  applyLive(m, judgeVersions(await prepareVersions(versions), [ex('POST', '/connect', 200, {})], { baseUrl: BASE }));
  const formats = m.cells.upstream['GET /formats'];
  assert.equal(formats.verdict, 'not-exercised');
  assert.equal(formats.source, 'live');
  assert.match(formats.reason!, /No exchange of the conformance run reached this operation/);
  assert.equal(formats.static?.verdict, 'conformant', 'the static verdict is kept next to the live one');
  const connect = m.cells.seed['POST /connect'];
  assert.equal(connect.source, 'static');
  assert.match(connect.reason!, /seed does not define POST \/connect/);
  assert.equal(m.cells.upstream['POST /connect'].verdict, 'conformant');
});

test('requests sent invalid on purpose are judged as refusals (a 4xx), whichever 4xx the version documents', async () => {
  // A 400 with a JSON body no schema allows: upstream documents 400, the seed does not; both see a refusal.
  const log = [
    ex('POST', '/assets/create', 200, { id: 'a' }),
    ex('POST', '/assets/create', 400, { anything: 'goes' }, { intent: 'negative', note: 'missing asset.format' }),
  ];
  for (const v of ['upstream', 'seed']) {
    const cell = await cellOf(log, v, 'POST /assets/create');
    assert.equal(cell.verdict, 'conformant', `${v}: ${cell.reason}`);
    assert.match(
      cell.reason!,
      /2 exchanges conformant \(statuses 200 ×1, 400 ×1; 1 invalid on purpose, judged as refusals: a 4xx, never 2xx or 5xx\)/,
    );
  }
  // A 2xx or a 5xx answer to an invalid request is a finding in every version.
  const accepted = [ex('POST', '/assets/create', 200, { no: 'id' }, { intent: 'negative' })];
  const up = await cellOf(accepted, 'upstream', 'POST /assets/create');
  assert.equal(up.verdict, 'not-conformant');
  assert.match(up.reason!, /^POST \/assets\/create: Invalid request accepted\. Received: 200 \/ Expected: 4xx/);
  const crashed = [ex('POST', '/assets/create', 500, 'boom', { intent: 'negative' })];
  assert.match((await cellOf(crashed, 'seed', 'POST /assets/create')).reason!, /Server error\. Received: 500/);
});

test('a refused body the baseline finds invalid but another version accepts is that version’s real difference', async () => {
  const body = JSON.stringify({ name: 'no asset' });
  const refused = ex('POST', '/assets/create', 400, 'Invalid request body: missing asset', {
    intent: 'negative',
    note: 'missing asset',
  });
  refused.request = { ...refused.request, headers: { 'content-type': 'application/json' }, body };
  const m = staticMatrix(VERSIONS);
  applyLive(m, judgeVersions(prepared, [refused], { baseUrl: BASE, baseline: 'upstream' }));
  assert.equal(m.cells.upstream['POST /assets/create'].verdict, 'conformant');
  const seed = m.cells.seed['POST /assets/create'];
  assert.equal(seed.verdict, 'not-conformant');
  assert.match(
    seed.reason!,
    /^POST \/assets\/create: Valid request rejected\. Received: 400 for a request body this version's schema accepts \(missing asset\)/,
  );
  // Without a baseline, a refusal is only judged as a refusal.
  const plain = staticMatrix(VERSIONS);
  applyLive(plain, judgeVersions(prepared, [refused], { baseUrl: BASE }));
  assert.equal(plain.cells.seed['POST /assets/create'].verdict, 'conformant');
});

test('the first diagnostic is the most telling: a body problem beats an earlier undocumented refusal', async () => {
  const log = [
    ex('POST', '/assets/search', 200, { accepted: 'an invalid request' }, { intent: 'negative' }),
    ex('POST', '/assets/search', 200, { iterable: [{ id: 7 }] }),
    ex('POST', '/assets/search', 200, { iterable: [{}] }),
  ];
  const seed = await cellOf(log, 'seed', 'POST /assets/search');
  assert.equal(seed.verdict, 'not-conformant');
  assert.match(
    seed.reason!,
    /^POST \/assets\/search: Response violates schema\. response body iterable\[0\]\.id must be string \/ Status: 200 application\/json \(\+2 other problems\) — 3 of 3 exchanges failed/,
  );
});

test('a Content-Type the version does not document is not conformant', async () => {
  const log = [ex('GET', '/formats', 200, 'iterable')];
  const cell = await cellOf(log, 'seed', 'GET /formats');
  assert.equal(cell.verdict, 'not-conformant');
  assert.match(
    cell.reason!,
    /^GET \/formats: Undocumented Content-Type\. Received: text\/plain for 200 \/ Documented: application\/json/,
  );
});

test('truncated bodies are judged on status only; transport errors alone leave the operation not exercised', async () => {
  const cut = ex('GET', '/formats', 200, '{"iterable": [', { truncated: { response: 300_000 } });
  cut.response!.headers['content-type'] = 'application/json';
  const ok = await cellOf([cut], 'seed', 'GET /formats');
  assert.equal(ok.verdict, 'conformant');
  assert.match(ok.reason!, /1 with a truncated body, judged on status only/);
  const lost: LoggedExchange = {
    id: 'lost',
    request: { method: 'GET', url: `${BASE}/formats`, headers: {} },
    error: 'ECONNRESET',
    startedAt: 1,
    durationMs: 1,
    intent: 'positive',
  };
  const none = await cellOf([lost], 'seed', 'GET /formats');
  assert.equal(none.verdict, 'not-exercised');
  assert.match(none.reason!, /1 exchange, none answered \(ECONNRESET\)/);
});

test('lenient mode: extra properties pass; unknown enum values only warn', async () => {
  const enumDoc = doc({
    '/formats': { get: { operationId: 'f', responses: { '200': json(obj({ kind: str(['A', 'B']) }, ['kind'])) } } },
  });
  const live = await liveVerdicts([version('e', enumDoc)], [ex('GET', '/formats', 200, { kind: 'C', more: 1 })], {
    baseUrl: BASE,
  });
  const t = live.versions[0].operations.get('GET /formats')!;
  assert.equal(t.failed, 0);
  assert.equal(t.warnings, 1);
  assert.match(t.firstWarning!, /^GET \/formats 200: response body kind must be equal to one of the allowed values/);
});

test('exchanges that match no operation of a version are counted as unmatched', () => {
  const { live } = judge([ex('POST', '/connect', 200, {}), ex('GET', '/nowhere', 404, 'no')]);
  assert.deepEqual(
    live.versions.map((v) => v.unmatched),
    [2, 2],
  );
  assert.equal(live.exchanges, 2);
});

test('paths are matched relative to the target base path', () => {
  assert.equal(relativePath('http://h:1/pieces/asset/a?x=1', 'http://h:1/pieces/'), '/asset/a');
  assert.equal(relativePath('http://h:1/asset/a', 'http://h:1'), '/asset/a');
  assert.equal(relativePath('http://h:1/asset/a'), '/asset/a');
});

test('upstream regular expressions are made Unicode-safe (identity escapes dropped outside classes)', () => {
  const uuid = '[0-9a-fA-F]{8}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{12}';
  assert.equal(unicodeSafePattern(uuid), '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}');
  assert.equal(unicodeSafePattern('[\\-a]\\-\\.\\d'), '[\\-a]-\\.\\d');
  const d: Json = {
    components: { schemas: { Id: { type: 'string', pattern: uuid }, Ok: { type: 'string', pattern: '^a\\.b$' } } },
  };
  const fixes = fixPatterns(d);
  assert.equal(fixes.length, 1);
  assert.match(fixes[0], /^#\/components\/schemas\/Id\/pattern: /);
  assert.equal(((d.components as Json).schemas as Json as any).Ok.pattern, '^a\\.b$');
});
