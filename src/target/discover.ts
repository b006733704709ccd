/**
 * Discovering a running Pieces OS: probe 127.0.0.1:39300–39333 (Pieces OS 11+ takes the first free
 * port there), then the older 1000 and 5323 — all at once, with short timeouts — and pick the first
 * healthy candidate in that order of preference.
 */
import { probeHealth, type ProbeResult } from './probe.js';

/** The candidate base URLs in order of preference. */
export function candidateUrls(host = '127.0.0.1'): string[] {
  const ports = [...Array.from({ length: 34 }, (_, i) => 39300 + i), 1000, 5323];
  return ports.map((p) => `http://${host}:${p}`);
}

/** What discovery found: the chosen URL (or none) and every probe, for the error message. */
export interface Discovery {
  url?: string;
  probes: ProbeResult[];
}

/** Probes every candidate in parallel; answers the first healthy one in candidate order. */
export async function discover(
  candidates: string[] = candidateUrls(),
  opts: { timeoutMs?: number; fetchImpl?: typeof fetch } = {},
): Promise<Discovery> {
  const probes = await Promise.all(candidates.map((u) => probeHealth(u, opts.timeoutMs ?? 1500, opts.fetchImpl)));
  return { url: probes.find((p) => p.healthy)?.url, probes };
}
