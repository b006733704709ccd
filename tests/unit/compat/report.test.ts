import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { renderHtml } from '../../../src/compat/report/html.js';
import { renderJson } from '../../../src/compat/report/json.js';
import { renderMarkdown } from '../../../src/compat/report/markdown.js';
import { escapeHtml, escapeMd } from '../../../src/compat/report/text.js';
import { writeCompatReports } from '../../../src/compat/report/write.js';
import type { CompatMatrix } from '../../../src/compat/types.js';

/** A 3 x 2 matrix with every verdict and hostile text. */
function small(): CompatMatrix {
  return {
    generatedAt: '2026-01-01T00:00:00Z',
    baseline: 'ref',
    target: 'http://127.0.0.1:39300',
    rows: [
      { id: 'old', label: 'old <v1>', kind: 'contract', detail: 'era "A" & B' },
      { id: 'ref', label: 'refined', kind: 'contract' },
      { id: 'sdk', label: 'SDK 4.1.0', kind: 'sdk' },
    ],
    columns: [
      { key: 'GET /a', operation: 'getA', method: 'GET', path: '/a' },
      { key: 'POST /b/{}', operation: 'make<B>', method: 'POST', path: '/b/{id}' },
    ],
    cells: {
      old: {
        'GET /a': { verdict: 'breaking', reason: 'property <script>alert(1)</script> removed | x', source: 'static' },
        'POST /b/{}': { verdict: 'warning', reason: 'status 500 added', source: 'static' },
      },
      ref: {
        'GET /a': { verdict: 'conformant', source: 'live' },
        'POST /b/{}': {
          verdict: 'not-conformant',
          reason: "body.id must be string & 'x'",
          source: 'live',
          static: { verdict: 'conformant', reason: 'Baseline' },
        },
      },
      sdk: {
        'GET /a': { verdict: 'not-exercised' },
        'POST /b/{}': { verdict: 'conformant', reason: 'raw survived', source: 'sdk' },
      },
    },
    pairs: [
      {
        from: 'old',
        to: 'ref',
        counts: { breaking: 1, warning: 0, 'non-breaking': 1 },
        changes: [
          {
            rule: 'response-property-removed',
            operation: 'getA',
            key: 'GET /a',
            location: '/responses/200/content/application~1json/schema/properties/x',
            severity: 'breaking',
            message: 'property x removed <b>',
            known: 'Envelope {results} & co',
          },
          {
            rule: 'operation-added',
            operation: 'make<B>',
            key: 'POST /b/{}',
            location: '',
            severity: 'non-breaking',
            message: 'POST /b/{id} added',
          },
        ],
      },
    ],
  };
}

describe('escaping', () => {
  const cases: Array<[string, (s: string) => string, string, string]> = [
    ['html', escapeHtml, `<a href="x">'&'</a>`, '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;'],
    ['md pipes and newlines', escapeMd, 'a | b\n  c', 'a \\| b c'],
    ['md raw html', escapeMd, '<img>', '&lt;img&gt;'],
  ];
  for (const [name, fn, input, expect] of cases) test(name, () => assert.equal(fn(input), expect));
});

describe('renderHtml', () => {
  const html = renderHtml(small());
  const matrixPart = html.slice(
    html.indexOf('<table class="matrix"'),
    html.indexOf('</table>', html.indexOf('<table class="matrix"')),
  );

  test('is a complete page with no external resources', () => {
    assert.match(html, /^<!doctype html>\n<html lang="en">/);
    assert.match(html, /<\/html>\n$/);
    assert.doesNotMatch(html, /<script|<link|\bsrc=|@import|url\(|https?:\/\/(?!127\.0\.0\.1)/);
  });
  test('has the matrix table with one row per matrix row and one cell per version × operation', () => {
    assert.equal((matrixPart.match(/<tr data-row=/g) ?? []).length, 3);
    assert.equal((matrixPart.match(/<td class="v-/g) ?? []).length, 6);
    for (const [verdict, n] of [
      ['breaking', 1],
      ['warning', 1],
      ['conformant', 2],
      ['not-conformant', 1],
      ['not-exercised', 1],
    ] as const) {
      assert.equal((matrixPart.match(new RegExp(`data-verdict="${verdict}"`, 'g')) ?? []).length, n, verdict);
    }
  });
  test('cells carry a tooltip and link to a details row with the reason', () => {
    assert.match(
      matrixPart,
      /title="old &lt;v1&gt; × getA \(GET \/a\) — breaking: property &lt;script&gt;alert\(1\)&lt;\/script&gt; removed \| x"><a href="#cell-0-0">B<\/a>/,
    );
    assert.match(
      html,
      /<tr id="cell-1-1">.*body\.id must be string &amp; &#39;x&#39;<br><small>static: conformant — Baseline<\/small>/,
    );
    for (let r = 0; r < 3; r++) for (let c = 0; c < 2; c++) assert.match(html, new RegExp(`id="cell-${r}-${c}"`));
  });
  test('escapes every text it shows', () => {
    assert.doesNotMatch(html, /<script>|<v1>|<B>|removed <b>/);
    assert.match(html, /make&lt;B&gt;/);
    assert.match(html, /era &quot;A&quot; &amp; B/);
  });
  test('lists the static changes per pair with counts and the known reason', () => {
    assert.match(
      html,
      /<a href="#pair-0">old &lt;v1&gt; → refined<\/a><\/td><td class="n">1<\/td><td class="n">0<\/td><td class="n">1<\/td>/,
    );
    assert.match(html, /Known difference: Envelope \{results\} &amp; co/);
    assert.match(html, /live target http:\/\/127\.0\.0\.1:39300/);
  });
});

describe('renderMarkdown', () => {
  const md = renderMarkdown(small());
  test('has a transposed matrix table: a line per operation, a column per row', () => {
    assert.match(md, /\| Operation \| old &lt;v1&gt; \| refined \| SDK 4\.1\.0 \|/);
    assert.match(md, /\| `getA` GET \/a \| B breaking \| ✓ conformant \| – not-exercised \|/);
    assert.match(md, /\| `make&lt;B&gt;` POST \/b\/\{id\} \| ! warning \| ✗ not-conformant \| ✓ conformant \|/);
  });
  test('gives reasons, escaped, with the replaced static verdict', () => {
    assert.match(md, /- `getA` \*\*breaking\*\*: property &lt;script&gt;alert\(1\)&lt;\/script&gt; removed \\\| x/);
    assert.match(md, /\*\*not-conformant\*\*: body\.id must be string & 'x' _\(static: conformant\)_/);
  });
  test('has the pair counts and known differences', () => {
    assert.match(md, /\| old &lt;v1&gt; → refined \| 1 \| 0 \| 1 \|/);
    assert.match(md, /- `getA`: Envelope \{results\} & co/);
  });
  test('caps the change lists', () => {
    const m = small();
    m.pairs[0].changes = Array.from({ length: 5 }, (_, i) => ({ ...m.pairs[0].changes[0], message: `m${i}` }));
    const capped = renderMarkdown(m, 2);
    assert.match(capped, /- … 3 more in compat\.json/);
    assert.doesNotMatch(capped, /m2/);
  });
});

describe('renderJson and writeCompatReports', () => {
  test('JSON round-trips the matrix with a format version', () => {
    const parsed = JSON.parse(renderJson(small()));
    assert.equal(parsed.formatVersion, 1);
    assert.deepEqual({ ...parsed, formatVersion: undefined }, { ...small(), formatVersion: undefined });
  });
  test('writes the three files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'compat-report-'));
    try {
      const files = await writeCompatReports(small(), join(dir, 'compat'));
      assert.deepEqual(
        Object.values(files).map((f) => f.slice(dir.length + 1)),
        ['compat/index.html', 'compat/compat.md', 'compat/compat.json'],
      );
      assert.match(await readFile(files.html, 'utf8'), /id="compat-matrix"/);
      assert.equal(JSON.parse(await readFile(files.json, 'utf8')).baseline, 'ref');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
