/**
 * `diff --har FILE`: a session recorded through the proxy against a real build, replayed against a
 * fresh emulator (or a given reference), compared with the drift rules (status, media type, body
 * shape, stream status sequence and frame shape), written as drift.md and drift.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathMatchers } from '../../contract/operations.js';
import type { LoadedSpec } from '../../contract/types.js';
import { readHar } from '../../report/har/index.js';
import { compareStreams, compareSteps, type Drift } from '../compare.js';
import { spawnEmulator } from '../emulator.js';
import { renderHarDriftMarkdown } from './report.js';
import { replayHar, type ReplayResult } from './replay.js';

/** How a HAR diff runs. */
export interface HarDiffOptions {
  spec: LoadedSpec;
  /** The HAR file (absolute). */
  har: string;
  /** A running reference instead of a spawned emulator. */
  reference?: string;
  root: string;
  env: NodeJS.ProcessEnv;
  reportsDir: string;
  timeoutMs?: number;
}

/** What a HAR diff found. */
export interface HarDiffResult {
  har: string;
  /** Where the session was recorded (the origin of its first entry). */
  recordedAt?: string;
  reference: { url: string; kind: string };
  entries: number;
  drifts: Drift[];
  replay: ReplayResult;
  durationMs: number;
  files: { md: string; json: string };
}

/** Reads the HAR, replays it against the reference, compares, writes the reports. */
export async function runHarDiff(o: HarDiffOptions): Promise<HarDiffResult> {
  const t0 = Date.now();
  const { items } = readHar(o.har);
  const spawned = o.reference ? undefined : await spawnEmulator(o.root, o.env);
  try {
    const url = (o.reference ?? spawned!.url).replace(/\/+$/, '');
    const replay = await replayHar(items, url, {
      matchers: pathMatchers(o.spec.operations.values()),
      timeoutMs: o.timeoutMs,
    });
    const drifts = [
      ...compareSteps(replay.emulator.steps, replay.recorded.steps),
      ...replay.emulator.streams.flatMap((s, i) => compareStreams(s, replay.recorded.streams[i])),
    ];
    const first = items[0];
    const recordedAt = first
      ? new URL(first.kind === 'rest' ? first.exchange.request.url : first.socket.url).origin
      : undefined;
    const result = {
      har: o.har,
      recordedAt,
      reference: { url, kind: o.reference ? 'given reference' : 'emulator spawned for this check' },
      entries: items.length,
      drifts,
      replay,
      durationMs: Date.now() - t0,
    };
    mkdirSync(o.reportsDir, { recursive: true });
    const md = join(o.reportsDir, 'drift.md');
    const json = join(o.reportsDir, 'drift.json');
    writeFileSync(md, renderHarDriftMarkdown(result));
    writeFileSync(
      json,
      `${JSON.stringify({ generatedAt: new Date().toISOString(), drift: drifts.length > 0, ...result }, null, 2)}\n`,
    );
    return { ...result, files: { md, json } };
  } finally {
    await spawned?.stop();
  }
}
