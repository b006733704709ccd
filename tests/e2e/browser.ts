/**
 * The Chromium the browser checks drive (the Allure report, the compatibility page). In order:
 * PIECES_CHROMIUM, Playwright's own (`npx playwright install chromium`), Debian's /usr/bin/chromium.
 * With none of them, a process that may install software (root, apt-get present) installs Debian's
 * package once (a lock keeps parallel test files from racing apt); any other process fails with the
 * one command that fixes it. A missing browser is never a skip.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** Debian's chromium package puts its launcher here. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** What findChromium looks at (injected by the unit tests). */
export interface BrowserHost {
  env: NodeJS.ProcessEnv;
  exists(path: string): boolean;
  /** Playwright's own Chromium, where `npx playwright install chromium` puts it. */
  playwrightChromium(): string | undefined;
  /** Whether this process may install packages (root with apt-get). */
  mayInstall(): boolean;
  /** Installs Debian's chromium; resolves to an error line, or undefined when it worked. */
  install(): Promise<string | undefined>;
}

/** The command that installs a browser for a user who cannot be helped automatically. */
export function fixCommand(host: Pick<BrowserHost, 'exists'>): string {
  return host.exists('/usr/bin/apt-get')
    ? 'sudo apt-get install -y chromium'
    : 'npx playwright install --with-deps chromium';
}

/** The executable of a Chromium, installing Debian's when allowed; throws with the fix otherwise. */
export async function findChromium(host: BrowserHost = realHost()): Promise<string> {
  const given = host.env.PIECES_CHROMIUM;
  if (given) {
    if (host.exists(given)) return given;
    throw new Error(`PIECES_CHROMIUM=${given} does not exist: point it at a Chromium executable, or unset it`);
  }
  const playwright = host.playwrightChromium();
  if (playwright && host.exists(playwright)) return playwright;
  if (host.exists(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  if (host.mayInstall()) {
    const failed = await host.install();
    if (!failed && host.exists(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
    throw new Error(
      `installing chromium failed (${failed ?? `${DEBIAN_CHROMIUM} still missing`}); run: apt-get install -y chromium`,
    );
  }
  throw new Error(`no Chromium for the browser checks (this check is not skipped); run: ${fixCommand(host)}`);
}

/** The machine itself. */
export function realHost(): BrowserHost {
  return {
    env: process.env,
    exists: existsSync,
    playwrightChromium() {
      try {
        const { chromium } = require('playwright-core') as typeof import('playwright-core');
        return chromium.executablePath();
      } catch {
        return undefined;
      }
    },
    mayInstall: () => process.getuid?.() === 0 && existsSync('/usr/bin/apt-get'),
    install: installDebianChromium,
  };
}

/** apt-get install chromium, once across the parallel test processes (a lock directory, 10 min at most). */
async function installDebianChromium(): Promise<string | undefined> {
  const lock = join(tmpdir(), 'pieces-conformance-chromium-install.lock');
  const deadline = Date.now() + 600_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another process installs it; a lock older than the deadline is a dead one.
      if (existsSync(DEBIAN_CHROMIUM)) return undefined;
      const age = Date.now() - (statSafe(lock) ?? Date.now());
      if (age > 600_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) return 'another process held the install lock for 10 minutes';
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    if (existsSync(DEBIAN_CHROMIUM)) return undefined;
    process.stderr.write('browser checks: installing Debian chromium (apt-get install -y chromium)\n');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [
      ['update', '-qq'],
      ['install', '-y', '-qq', '--no-install-recommends', 'chromium'],
    ]) {
      const r = spawnSync('apt-get', args, { env, encoding: 'utf8', timeout: 540_000 });
      if (r.status !== 0)
        return `apt-get ${args.join(' ')}: ${(r.stderr || r.stdout || `exit ${r.status}`).trim().split('\n').pop()}`;
    }
    return undefined;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function statSafe(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}
