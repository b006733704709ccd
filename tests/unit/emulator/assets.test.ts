/** Emulator Assets handlers: create, read, update, delete, bad input, and the content round trip. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { APP, assertConforms, call, createAsset, makeEmulator, seed, type TestEmulator } from './helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('emulator assets', () => {
  let em: TestEmulator;
  before(async () => {
    em = await makeEmulator();
  });
  after(async () => {
    await em.close();
  });

  test('create answers a full Asset that conforms', async () => {
    const a = await call(em, 'POST', '/assets/create', {
      body: seed('const x = 1;\nconsole.log(x);', { name: 'Log x' }),
    });
    assertConforms('createAsset', a);
    const asset = a.json;
    assert.match(asset.id, UUID);
    assert.equal(asset.name, 'Log x');
    assert.equal(asset.formats.iterable.length, 1);
    assert.equal(asset.formats.iterable[0].role, 'ORIGINAL');
    assert.equal(asset.formats.iterable[0].asset.id, asset.id);
    assert.equal(asset.original.reference.asset, asset.id);
    assert.equal(asset.original.id, asset.formats.iterable[0].id);
    assert.equal(asset.preview.base.id, asset.original.id);
    assert.deepEqual(asset.original.reference.classification, { generic: 'CODE', specific: 'js' });
    assert.equal(asset.original.reference.application.id, APP.id);
    assert.ok(!Number.isNaN(Date.parse(asset.created.value)));
    assert.equal(asset.mechanism, 'MANUAL');
  });

  // Classification: the explicit ext wins, otherwise the detector guesses.
  const classifications: Array<[string, string | undefined, string, string]> = [
    ['def f(x):\n    return x', undefined, 'CODE', 'py'],
    ['<h1>Hello</h1>', undefined, 'CODE', 'html'],
    ['{"a": [1, 2]}', undefined, 'CODE', 'json'],
    ['SELECT id FROM users WHERE id = 1', undefined, 'CODE', 'sql'],
    ['package main\n\nfunc main() {}', undefined, 'CODE', 'go'],
    ['just some words', undefined, 'TEXT', 'txt'],
    ['anything at all', 'rs', 'CODE', 'rs'],
    ['# Title\n\ntext', 'md', 'TEXT', 'md'],
  ];
  for (const [raw, ext, generic, specific] of classifications) {
    test(`classifies ${JSON.stringify(raw.slice(0, 20))}${ext ? ` (ext ${ext})` : ''} as ${specific}`, async () => {
      const asset = await createAsset(em, raw, { ext });
      assert.deepEqual(asset.original.reference.classification, { generic, specific });
    });
  }

  // Content must come back byte for byte, whatever it holds.
  const contents: Array<[string, string]> = [
    ['unicode', 'héllo wörld ÷ ∑ ✓'],
    ['NUL and control characters', 'a\u0000b\u0001c\u001f'],
    ['emoji and ZWJ sequences', '👩‍💻 🚀 🇫🇷'],
    ['right-to-left text', 'مرحبا بالعالم שלום'],
    ['CRLF and surrounding whitespace', '  \r\n\tindented\r\n  '],
    ['a lone surrogate', 'x\ud800y'],
    ['an empty string', ''],
    ['a long text', 'lorem ipsum '.repeat(20000)],
  ];
  for (const [label, raw] of contents) {
    test(`content round-trips: ${label}`, async () => {
      const created = await createAsset(em, raw);
      assert.equal(created.original.reference.fragment.string.raw, raw);
      const got = await call(em, 'GET', `/asset/${created.id}`);
      assertConforms('getAsset', got);
      assert.equal(got.json.original.reference.fragment.string.raw, raw);
      const format = await call(em, 'GET', `/format/${created.original.id}?transferable=true`);
      assert.equal(format.json.fragment.string.raw, raw);
    });
  }

  test('transferables=false leaves the string payloads out (and transferable on /format)', async () => {
    const created = await createAsset(em, 'secret payload', { ext: 'txt' });
    const lite = await call(em, 'GET', `/asset/${created.id}?transferables=false`);
    assertConforms('getAsset', lite);
    assert.deepEqual(lite.json.original.reference.fragment.string, {});
    assert.deepEqual(lite.json.original.reference.fragment.metadata, { ext: 'txt' });
    assert.ok(!lite.text.includes('secret payload'));
    const format = await call(em, 'GET', `/format/${created.original.id}?transferable=false`);
    assert.ok(!format.text.includes('secret payload'));
    const snapshot = await call(em, 'GET', '/assets?transferables=false');
    assert.ok(!snapshot.text.includes('secret payload'));
  });

  test('snapshot lists every asset; update persists and moves updated forward', async () => {
    const created = await createAsset(em, 'to be renamed');
    const snap = await call(em, 'GET', '/assets');
    assertConforms('getAssetsSnapshot', snap);
    assert.ok(snap.json.iterable.some((a: any) => a.id === created.id));
    const changed = { ...created, name: 'Renamed', favorited: true };
    const up = await call(em, 'POST', '/asset/update', { body: changed });
    assertConforms('updateAsset', up);
    assert.equal(up.json.name, 'Renamed');
    assert.ok(Date.parse(up.json.updated.value) > Date.parse(created.updated.value));
    const got = await call(em, 'GET', `/asset/${created.id}`);
    assert.equal(got.json.name, 'Renamed');
    assert.equal(got.json.favorited, true);
    assert.equal(got.json.original.reference.fragment.string.raw, 'to be renamed');
    const format = await call(em, 'GET', `/format/${created.original.id}`);
    assert.equal(format.json.asset.name, 'Renamed');
    assert.equal(format.json.updated.value, got.json.updated.value);
  });

  test('update of an unknown asset is 410', async () => {
    const created = await createAsset(em, 'x');
    const r = await call(em, 'POST', '/asset/update', { body: { ...created, id: 'no-such-asset' } });
    assert.equal(r.status, 410);
    assertConforms('updateAsset', r);
  });

  test('delete answers the id as text; afterwards get is 410 and the formats forget it', async () => {
    const created = await createAsset(em, 'short-lived');
    const del = await call(em, 'POST', `/assets/${created.id}/delete`);
    assertConforms('deleteAsset', del);
    assert.equal(del.text, created.id);
    const got = await call(em, 'GET', `/asset/${created.id}`);
    assert.equal(got.status, 410);
    assertConforms('getAsset', got);
    const formats = await call(em, 'GET', '/formats');
    assertConforms('getFormatsSnapshot', formats);
    assert.ok(!formats.json.iterable.some((f: any) => f.asset.id === created.id));
    assert.equal((await call(em, 'GET', `/format/${created.original.id}`)).status, 410);
    const snap = await call(em, 'GET', '/assets');
    assert.ok(!snap.json.iterable.some((a: any) => a.id === created.id));
    assert.equal((await call(em, 'POST', `/assets/${created.id}/delete`)).status, 410);
  });

  test('delete ignores a body a client sends anyway', async () => {
    const created = await createAsset(em, 'x');
    const r = await call(em, 'POST', `/assets/${created.id}/delete`, {
      raw: '{not json',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(r.status, 200);
  });

  // Bad input: 400 text/plain naming the field, and nothing stored.
  const bad: Array<[string, { body?: unknown; raw?: string; headers?: Record<string, string> }, RegExp]> = [
    ['no asset', { body: { type: 'SEEDED_ASSET' } }, /'asset'/],
    ['no application', { body: { asset: { format: { fragment: { string: { raw: 'x' } } } } } }, /'asset\.application'/],
    [
      'an application without id',
      { body: { asset: { application: { ...APP, id: undefined }, format: { fragment: { string: { raw: 'x' } } } } } },
      /'asset\.application\.id'/,
    ],
    ['an empty format', { body: { asset: { application: APP, format: {} } } }, /'asset\.format/],
    [
      'a name that is a number',
      { body: { asset: { application: APP, format: { fragment: { string: { raw: 'x' } } }, metadata: { name: 7 } } } },
      /'asset\.metadata\.name' must be of type string/,
    ],
    [
      'an unknown ext',
      {
        body: {
          asset: { application: APP, format: { fragment: { string: { raw: 'x' }, metadata: { ext: 'nope' } } } },
        },
      },
      /'asset\.format\.fragment\.metadata\.ext'/,
    ],
    ['an unknown seed type', { body: { ...seed('x'), type: 'SEEDED_NOTHING' } }, /'type'/],
    ['malformed JSON', { raw: '{"asset": ' }, /malformed JSON/],
    ['an empty body', { raw: '' }, /body is required/],
    ['null', { raw: 'null' }, /'body' must be of type object/],
    ['an array', { raw: '[]' }, /'body' must be of type object/],
    ['text/plain', { raw: 'hello', headers: { 'content-type': 'text/plain' } }, /Content-Type/],
  ];
  for (const [label, req, message] of bad) {
    test(`create with ${label} is 400 text naming the problem, and stores nothing`, async () => {
      const before = (await call(em, 'GET', '/assets')).json.iterable.length;
      const r = await call(em, 'POST', '/assets/create', req);
      assert.equal(r.status, 400, r.text);
      assertConforms('createAsset', r);
      assert.match(r.text, message);
      assert.equal((await call(em, 'GET', '/assets')).json.iterable.length, before);
    });
  }

  test('a bad query flag is 400; unknown routes are 404 text', async () => {
    const r = await call(em, 'GET', '/assets?transferables=maybe');
    assert.equal(r.status, 400);
    assert.match(r.text, /transferables/);
    const nf = await call(em, 'GET', '/no/such/route');
    assert.equal(nf.status, 404);
    assert.match(nf.type, /^text\/plain/);
  });

  test('a body over the limit is 413 text', async () => {
    const small = await makeEmulator({ bodyLimit: 2048 });
    try {
      const r = await call(small, 'POST', '/assets/create', { body: seed('x'.repeat(5000)) });
      assert.equal(r.status, 413);
      assertConforms('createAsset', r);
      assert.equal((await call(small, 'GET', '/assets')).json.iterable.length, 0);
    } finally {
      await small.close();
    }
  });

  test('very long and odd ids get 410, never 404 or 5xx', async () => {
    for (const id of ['x'.repeat(3000), '%00', "'; DROP TABLE assets; --", '..%2F..%2Fetc']) {
      const r = await call(em, 'GET', `/asset/${id}`);
      assert.equal(r.status, 410, id.slice(0, 20));
    }
  });
});
