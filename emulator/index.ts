/**
 * The Pieces OS emulator's programmatic interface: start one (in memory or on a data directory),
 * with or without fault switches, and close it.
 */
import type { ResolvedOptions } from './context.js';
import { PROFILES, profileDefaults, type Profile, type Range } from './profile.js';
import { FaultSet, listFaults as catalogue, type FaultInfo } from './faults/index.js';
import { SECURITY_POLICIES, type SecurityPolicy } from './security.js';
import { buildServer } from './server.js';

/** The security policy option, checked (default observed). */
function securityPolicy(p: SecurityPolicy | undefined): SecurityPolicy {
  if (p === undefined) return 'observed';
  if (!SECURITY_POLICIES.includes(p))
    throw new Error(`Invalid emulator option security: ${p} (must be one of ${SECURITY_POLICIES.join(', ')})`);
  return p;
}

/** How to start an emulator; every field is optional. */
export interface EmulatorOptions {
  host?: string; // default 127.0.0.1
  port?: number; // default 39300; 0 = free port
  dataDir?: string; // SQLite data directory (created if missing); survives restarts
  memory?: boolean; // in-memory database (the default when dataDir is not given)
  faults?: string[]; // fault switch names, see listFaults()
  profile?: Profile; // instant (default) or realistic: the pace of a local LLM (see profile.ts)
  streamDelayMs?: number; // pause between streamed chunks of the instant profile, default 2
  firstTokenMs?: Range; // [min, max] before the first chunk; default: the profile's (realistic 500-2000)
  chunkMs?: Range; // [min, max] between chunks; default: the profile's (realistic 20-80)
  indexLagMs?: number; // a created asset is searchable after this; default: the profile's (realistic 1500)
  downloadMs?: number; // total duration of a simulated model download; default: the profile's (300, realistic 4000)
  bodyLimit?: number; // bytes, default 1 MiB
  signedIn?: boolean; // whether GET /user has a user (default true)
  seedEnvelopes?: boolean; // search, relevance and user also carry the seed's forms (default false)
  security?: SecurityPolicy; // 'observed' (default: ACAO * on REST, nothing refused) or 'strict'
  lax?: boolean; // behave where the harness's assumptions doubt (ResolvedOptions.lax), default false
  logger?: boolean; // fastify logger, default false
}

/** A listening emulator. */
export interface RunningEmulator {
  url: string;
  port: number;
  faults: readonly string[];
  close(): Promise<void>;
}

/** One fault switch (name, tag, operation, description, expected check). */
export type { FaultInfo };
export type { SecurityPolicy };

/** Every fault switch the emulator knows, with the check expected to catch it. */
export function listFaults(): FaultInfo[] {
  return catalogue();
}

/** The body limit of a lax emulator: no request the suites send meets it. */
const LAX_BODY_LIMIT = 64 * 1024 * 1024;

/** The options with their defaults; numbers are checked so that a typo fails loudly. */
export function resolveOptions(o: EmulatorOptions = {}): ResolvedOptions {
  const num = (name: string, v: number | undefined, fallback: number, min: number) => {
    const n = v ?? fallback;
    if (!Number.isFinite(n) || n < min)
      throw new Error(`Invalid emulator option ${name}: ${v} (must be a number >= ${min})`);
    return n;
  };
  const profile = o.profile ?? 'instant';
  if (!PROFILES.includes(profile))
    throw new Error(`Invalid emulator option profile: ${o.profile} (one of ${PROFILES.join(', ')})`);
  const streamDelayMs = num('streamDelayMs', o.streamDelayMs, 2, 0);
  const d = profileDefaults(profile, streamDelayMs);
  const range = (name: string, v: Range | undefined, fallback: Range): Range => {
    const r = v ?? fallback;
    if (!Array.isArray(r) || r.length !== 2 || !(r[0] >= 0) || !(r[1] >= r[0]))
      throw new Error(
        `Invalid emulator option ${name}: ${JSON.stringify(v)} (must be [min, max] with 0 <= min <= max)`,
      );
    return [r[0], r[1]];
  };
  const port = num('port', o.port, 39300, 0);
  if (!Number.isInteger(port) || port > 65535) throw new Error(`Invalid emulator option port: ${o.port}`);
  return {
    host: o.host ?? '127.0.0.1',
    port,
    dataDir: o.dataDir,
    memory: o.memory ?? o.dataDir === undefined,
    profile,
    streamDelayMs,
    firstTokenMs: range('firstTokenMs', o.firstTokenMs, d.firstTokenMs),
    chunkMs: range('chunkMs', o.chunkMs, d.chunkMs),
    indexLagMs: num('indexLagMs', o.indexLagMs, d.indexLagMs, 0),
    variedAnswers: d.variedAnswers,
    downloadMs: num('downloadMs', o.downloadMs, d.downloadMs, 0),
    bodyLimit: num('bodyLimit', o.bodyLimit, o.lax ? LAX_BODY_LIMIT : 1024 * 1024, 1),
    signedIn: o.signedIn ?? true,
    seedEnvelopes: o.seedEnvelopes ?? false,
    security: securityPolicy(o.security),
    lax: o.lax ?? false,
    logger: o.logger ?? false,
  };
}

/** Starts an emulator; rejects on an unknown fault name (listing the valid ones) or a bad option. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const resolved = resolveOptions(options);
  const faults = new FaultSet(options.faults ?? []);
  const { app } = await buildServer(resolved, faults);
  try {
    await app.listen({ host: resolved.host, port: resolved.port });
  } catch (e) {
    await app.close();
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : resolved.port;
  const host = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    faults: faults.names,
    close: () => (closing ??= app.close().then(() => undefined)),
  };
}
