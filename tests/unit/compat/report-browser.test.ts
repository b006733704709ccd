import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { staticMatrix } from '../../../src/compat/matrix.js';
import { writeCompatReports } from '../../../src/compat/report/write.js';
import type { Json } from '../../../src/compat/types.js';
import { doc, obj, str, version } from './fixtures.js';
import { findChromium } from '../../e2e/browser.js';

const get = (schema: Json, operationId: string): Json => ({
  get: { operationId, responses: { '200': { description: 'OK', content: { 'application/json': { schema } } } } },
});

test('the compat page renders its matrix in headless Chromium, offline', async () => {
  const matrix = staticMatrix([
    version('old <1>', doc({ '/x': get(obj({ a: str(), b: str() }), 'getX'), '/z': get(str(), 'getZ') })),
    version('ref', doc({ '/x': get(obj({ a: str() }), 'getX'), '/y': get(str(), 'getY') }), true),
  ]);
  const dir = await mkdtemp(join(tmpdir(), 'compat-browser-'));
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: await findChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const { html } = await writeCompatReports(matrix, dir);
    const page = await browser.newPage();
    const remote: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) remote.push(r.url());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
    const table = page.locator('#compat-matrix');
    assert.equal(await table.locator('tbody tr').count(), 3, 'two versions + the SDK row');
    assert.equal(await table.locator('tbody td').count(), 3 * 3, 'a cell per row x operation');
    assert.deepEqual(await table.locator('thead th.op').allInnerTexts(), ['getX', 'getY', 'getZ']);
    const breaking = table.locator('tr[data-row="old <1>"] td[data-verdict="breaking"]').first();
    assert.match(
      (await breaking.getAttribute('title')) ?? '',
      /old <1> × getX .* breaking: response 200 application\/json: property b removed/,
    );
    const bg = await breaking.evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.notEqual(bg, 'rgba(0, 0, 0, 0)', 'verdict cells are coloured');
    assert.ok((await breaking.boundingBox())!.width > 0, 'cell is visible');
    await breaking.locator('a').click();
    assert.match(page.url(), /#cell-0-0$/);
    assert.equal(
      await page.locator('#row-0').evaluate((el) => (el as HTMLDetailsElement).open),
      true,
      'the link opens the row details',
    );
    assert.match(await page.locator('#cell-0-0').innerText(), /property b removed/);
    assert.deepEqual([remote, errors], [[], []]);
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
});
