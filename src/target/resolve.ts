/**
 * Resolving the target the suite will judge, and failing fast when there is none: one HarnessError
 * line that names the URL and how to fix it, within a few seconds, never a wall of timeouts.
 */
import { HarnessError } from '../core/errors.js';
import type { SuiteConfig } from './config.js';
import { candidateUrls, discover } from './discover.js';
import { probeHealth } from './probe.js';

/** The target a run judges. */
export interface Target {
  url: string;
  /** emulator: the embedded emulator this run started; live: anything else. */
  kind: 'emulator' | 'live';
  /** The text `/.well-known/version` answered, when it did. */
  version?: string;
}

/** The fix we suggest whenever no target answers. */
const FIX =
  'start Pieces OS (or `npx pieces-os-emulator`), set PIECES_BASE_URL to its URL, PIECES_BASE_URL=auto to discover it, or leave it unset to use the embedded emulator';

/** Probes a given URL up to a deadline (a target that is just starting gets a few tries). */
export async function requireHealthy(
  url: string,
  opts: { deadlineMs?: number; fetchImpl?: typeof fetch } = {},
): Promise<void> {
  const deadline = Date.now() + (opts.deadlineMs ?? 5000);
  let last = await probeHealth(url, 2000, opts.fetchImpl);
  while (!last.healthy && Date.now() + 500 < deadline && last.status === undefined) {
    await new Promise((r) => setTimeout(r, 500));
    last = await probeHealth(url, Math.max(200, Math.min(2000, deadline - Date.now())), opts.fetchImpl);
  }
  if (last.healthy) return;
  const what = last.status === undefined ? last.detail : `HTTP ${last.status} ${JSON.stringify(last.detail)}`;
  throw new HarnessError('target', `no healthy Pieces OS at ${url} (GET /.well-known/health: ${what})`, FIX);
}

/** Reads the version text; undefined when the target does not answer it. */
export async function readVersion(
  url: string,
  timeoutMs = 3000,
  fetchImpl: typeof fetch = fetch,
): Promise<string | undefined> {
  try {
    const res = await fetchImpl(`${url}/.well-known/version`, { signal: AbortSignal.timeout(timeoutMs) });
    return res.ok ? (await res.text()).trim() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The live target named by the configuration: a URL is probed, `auto` is discovered. (An unset
 * PIECES_BASE_URL means the embedded emulator, which the test layer starts: src/ never imports it.)
 */
export async function resolveLiveTarget(
  config: Pick<SuiteConfig, 'baseUrl'>,
  opts: { candidates?: string[]; fetchImpl?: typeof fetch } = {},
): Promise<Target> {
  if (!config.baseUrl)
    throw new HarnessError('internal', 'resolveLiveTarget needs PIECES_BASE_URL (unset means the embedded emulator)');
  let url = config.baseUrl;
  if (url === 'auto') {
    const candidates = opts.candidates ?? candidateUrls();
    const found = await discover(candidates, { fetchImpl: opts.fetchImpl });
    if (!found.url) {
      const first = candidates[0]?.replace(/:\d+$/, '');
      throw new HarnessError(
        'target',
        `PIECES_BASE_URL=auto found no Pieces OS (probed ${candidates.length} ports on ${first ?? 'localhost'}: ${portSummary(candidates)})`,
        FIX,
      );
    }
    url = found.url;
  } else {
    await requireHealthy(url, { fetchImpl: opts.fetchImpl });
  }
  return { url, kind: 'live', version: await readVersion(url, 3000, opts.fetchImpl) };
}

/** `39300-39333, 1000, 5323` from candidate URLs. */
function portSummary(urls: string[]): string {
  const ports = urls.map((u) => Number(new URL(u).port));
  const out: string[] = [];
  for (let i = 0; i < ports.length; i++) {
    let j = i;
    while (j + 1 < ports.length && ports[j + 1] === ports[j] + 1) j++;
    out.push(j > i ? `${ports[i]}-${ports[j]}` : String(ports[i]));
    i = j;
  }
  return out.join(', ');
}
