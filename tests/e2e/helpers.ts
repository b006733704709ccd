/**
 * End-to-end helpers: run the real `pieces-conformance` bin as a child process, and read what the
 * Allure 3 single-file report embeds (its data files are base64 strings in index.html).
 */
import { readSetting } from '../../src/settings/index.js';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './browser.js';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'pieces-conformance.mjs');

/** What a CLI run gave. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Where the e2e runs' ledgers go (never the user's state directory); a test may pass its own PIECES_LEDGER_DIR. */
let ledgerDir: string | undefined;

/** Runs `pieces-conformance ...args` from the repository root, with no PIECES_* from the caller. */
export function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  ledgerDir ??= scratch('ledger');
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('PIECES_') && !k.startsWith('PLAYWRIGHT_')),
  );
  const t0 = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...clean, FORCE_COLOR: '0', PIECES_LEDGER_DIR: ledgerDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => {
    stdout += c;
  });
  child.stderr.setEncoding('utf8').on('data', (c: string) => {
    stderr += c;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - t0 })));
}

const scratchDirs: string[] = [];

/** A fresh scratch directory for one test file's reports (removed by `removeScratch`). */
export function scratch(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `pc-${name}-`));
  scratchDirs.push(dir);
  return dir;
}

/** Removes the scratch directories, unless PIECES_KEEP_E2E=1 (to look at the reports of a failure). */
export function removeScratch(): void {
  if (readSetting('keepE2e')) return;
  for (const d of scratchDirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** The data files of an Allure 3 single-file report, by name (`data/test-results/<id>.json`, ...). */
export function allureData(indexHtml: string): Map<string, string> {
  const html = readFileSync(indexHtml, 'utf8');
  const files = new Map<string, string>();
  for (const m of html.matchAll(/d\("([^"]+)","([A-Za-z0-9+/=]*)"\)/g))
    files.set(m[1], Buffer.from(m[2], 'base64').toString('utf8'));
  return files;
}

/** An attachment of a test result (anywhere in its step tree). */
export interface AllureAttachment {
  name: string;
  id: string;
  ext: string;
  contentType?: string;
}

/** A test result of the report, with its labels and every attachment of its steps. */
export interface AllureTest {
  name: string;
  status: string;
  labels: Array<{ name: string; value: string }>;
  stepNames: string[];
  attachments: AllureAttachment[];
}

/** The test results of a single-file report. */
export function allureTests(files: Map<string, string>): AllureTest[] {
  const out: AllureTest[] = [];
  for (const [name, text] of files) {
    if (!name.startsWith('data/test-results/')) continue;
    const t = JSON.parse(text);
    const stepNames: string[] = [];
    const attachments: AllureAttachment[] = [];
    const walk = (steps: any[]) => {
      for (const s of steps ?? []) {
        if (s.link)
          attachments.push({ name: s.link.name, id: s.link.id, ext: s.link.ext, contentType: s.link.contentType });
        else stepNames.push(s.name);
        walk(s.steps);
      }
    };
    walk(t.steps);
    out.push({ name: t.name, status: t.status, labels: t.labels, stepNames, attachments });
  }
  return out;
}

/** The text of an attachment. */
export function attachmentText(files: Map<string, string>, a: AllureAttachment): string | undefined {
  return files.get(`data/attachments/${a.id}${a.ext}`);
}

/** A browser context of headless Chromium, closed (and its profile removed) by `close()`. */
export interface Chromium {
  context: import('playwright-core').BrowserContext;
  close(): Promise<void>;
}

/**
 * Chromium (found or installed by findChromium) driven by Playwright, headless, with the flags this
 * offline machine needs and a fresh profile. A missing browser fails the caller (never a skip).
 */
export async function launchChromium(): Promise<Chromium> {
  const executablePath = await findChromium();
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'pc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
