import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type BrowserHost, DEBIAN_CHROMIUM, findChromium } from '../../e2e/browser.js';

/** A machine with the given files, Playwright's browser path and install rights. */
function host(o: {
  files?: string[];
  env?: NodeJS.ProcessEnv;
  playwright?: string;
  mayInstall?: boolean;
  installs?: boolean;
  apt?: boolean;
}): BrowserHost & { installed: number } {
  const files = new Set(o.files ?? []);
  if (o.apt) files.add('/usr/bin/apt-get');
  const h = {
    installed: 0,
    env: o.env ?? {},
    exists: (p: string) => files.has(p),
    playwrightChromium: () => o.playwright,
    mayInstall: () => o.mayInstall ?? false,
    install: async () => {
      h.installed++;
      if (o.installs === false) return 'apt-get install -y chromium: E: Unable to locate package chromium';
      files.add(DEBIAN_CHROMIUM);
      return undefined;
    },
  };
  return h;
}

test("Playwright's own Chromium first, then Debian's, then PIECES_CHROMIUM overrides both", async () => {
  const pw = '/root/.cache/ms-playwright/chromium-1/chrome-linux/chrome';
  assert.equal(await findChromium(host({ files: [pw, DEBIAN_CHROMIUM], playwright: pw })), pw);
  assert.equal(await findChromium(host({ files: [DEBIAN_CHROMIUM], playwright: pw })), DEBIAN_CHROMIUM);
  const env = { PIECES_CHROMIUM: '/opt/chrome' };
  assert.equal(await findChromium(host({ files: ['/opt/chrome', DEBIAN_CHROMIUM], env })), '/opt/chrome');
  await assert.rejects(findChromium(host({ env })), /PIECES_CHROMIUM=\/opt\/chrome does not exist/);
});

test('without a browser, root with apt-get installs Debian chromium; nobody skips', async () => {
  const root = host({ mayInstall: true, apt: true });
  assert.equal(await findChromium(root), DEBIAN_CHROMIUM);
  assert.equal(root.installed, 1);
  await assert.rejects(
    findChromium(host({ mayInstall: true, apt: true, installs: false })),
    /installing chromium failed \(apt-get install -y chromium: E: Unable to locate package chromium\); run: apt-get install -y chromium/,
  );
});

test('a process that may not install fails with the one command that fixes it', async () => {
  await assert.rejects(findChromium(host({ apt: true })), /no Chromium .*; run: sudo apt-get install -y chromium$/);
  await assert.rejects(findChromium(host({})), /; run: npx playwright install --with-deps chromium$/);
});
