/**
 * `pieces-os-emulator` / `npm run emulator --`: starts the emulator from flags. The first line on
 * stdout is always `pieces-os-emulator listening on <url>` (tools wait for it); a bad flag prints
 * one message and exits 2; SIGINT/SIGTERM close it cleanly (exit 0).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { listFaults, startEmulator, type EmulatorOptions } from './index.js';
import { parseRange, PROFILES, type Profile, type Range } from './profile.js';
import { SECURITY_POLICIES, type SecurityPolicy } from './security.js';

const HELP = `Usage: pieces-os-emulator [options]

A Pieces OS emulator: the Pieces OS Local API (REST + WebSocket) on loopback, backed by SQLite.

Options:
  --port <n>             Port to listen on (default 39300; 0 picks a free port)
  --host <addr>          Address to bind (default 127.0.0.1)
  --data <dir>           SQLite data directory, created if missing; data survives restarts
  --memory               Keep everything in memory (the default when --data is not given)
  --fault <name>         Plant a contract bug; repeatable (see --list-faults)
  --list-faults          Print every fault switch with the check expected to catch it, then exit
  --profile <name>       instant (default): answers at once, the same text for the same input;
                         realistic: the pace of a local LLM (first token 500-2000 ms, chunks
                         20-80 ms, REST answers wait for the whole answer), search that lags
                         writes by 1500 ms, answers that vary, downloads of 4 s in uneven steps
  --first-token-ms <a-b> Pause before the first streamed chunk, a range or a number (profile's default)
  --chunk-ms <a-b>       Pause between streamed chunks, a range or a number (profile's default)
  --index-lag-ms <n>     A created asset is found by search and relevance after this (profile's default)
  --stream-delay-ms <n>  Pause between streamed answer chunks of the instant profile (default 2)
  --download-ms <n>      Duration of a simulated model download (default 300; realistic 4000)
  --body-limit <n>       Largest accepted request body in bytes (default 1048576)
  --signed-out           Nobody is signed in: GET /user answers {}
  --seed-envelopes       Search, relevance and user answers also carry the seed contract's forms
  --lax                  Behave where the harness's assumptions doubt: 200 on a second session close, no 413
                         below 64 MiB, malformed stream input ended CANCELED (no in-band FAILED)
                         (a superset body no real Pieces OS answers; off by default)
  --security <policy>    observed (default): as real builds were seen to answer, Access-Control-
                         Allow-Origin: * on REST and no Host or Origin refused; strict: only
                         loopback Hosts, loopback or browser-extension Origins (403 otherwise)
  --help                 Print this help and exit
`;

/** A flag error: printed as one line, exit status 2. */
class UsageError extends Error {}

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} needs a non-negative integer, got "${value}"`);
  return Number(value);
}

function range(name: string, value: string | undefined): Range | undefined {
  if (value === undefined) return undefined;
  const r = parseRange(value);
  if (!r) throw new UsageError(`--${name} needs a number or a range min-max (e.g. 500-2000), got "${value}"`);
  return r;
}

/** Parses argv (without node and the script) into options, or a `help`/`list` request. */
export function parseCli(argv: string[]): { action: 'help' | 'list' } | { action: 'start'; options: EmulatorOptions } {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        memory: { type: 'boolean' },
        fault: { type: 'string', multiple: true },
        'list-faults': { type: 'boolean' },
        profile: { type: 'string' },
        'first-token-ms': { type: 'string' },
        'chunk-ms': { type: 'string' },
        'index-lag-ms': { type: 'string' },
        'stream-delay-ms': { type: 'string' },
        'download-ms': { type: 'string' },
        'body-limit': { type: 'string' },
        'signed-out': { type: 'boolean' },
        'seed-envelopes': { type: 'boolean' },
        security: { type: 'string' },
        lax: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]); // one line: node adds hints below
  }
  if (values.help) return { action: 'help' };
  if (values['list-faults']) return { action: 'list' };
  if (values.data !== undefined && values.memory) throw new UsageError('--data and --memory exclude each other');
  const port = integer('port', values.port as string | undefined);
  if (port !== undefined && port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}`);
  const bodyLimit = integer('body-limit', values['body-limit'] as string | undefined);
  const profile = values.profile as string | undefined;
  if (profile !== undefined && !(PROFILES as readonly string[]).includes(profile))
    throw new UsageError(`--profile must be one of ${PROFILES.join(', ')}, got "${profile}"`);
  if (bodyLimit === 0) throw new UsageError('--body-limit must be at least 1');
  const security = values.security as string | undefined;
  if (security !== undefined && !(SECURITY_POLICIES as readonly string[]).includes(security))
    throw new UsageError(`--security must be one of ${SECURITY_POLICIES.join(', ')}, got "${security}"`);
  return {
    action: 'start',
    options: {
      port: port ?? 39300,
      host: values.host as string | undefined,
      dataDir: values.data as string | undefined,
      memory: values.memory === true || values.data === undefined,
      faults: (values.fault as string[] | undefined) ?? [],
      ...(profile ? { profile: profile as Profile } : {}),
      firstTokenMs: range('first-token-ms', values['first-token-ms'] as string | undefined),
      chunkMs: range('chunk-ms', values['chunk-ms'] as string | undefined),
      indexLagMs: integer('index-lag-ms', values['index-lag-ms'] as string | undefined),
      streamDelayMs: integer('stream-delay-ms', values['stream-delay-ms'] as string | undefined),
      downloadMs: integer('download-ms', values['download-ms'] as string | undefined),
      bodyLimit,
      signedIn: values['signed-out'] !== true,
      ...(values['seed-envelopes'] === true ? { seedEnvelopes: true } : {}),
      ...(security !== undefined ? { security: security as SecurityPolicy } : {}),
      ...(values.lax === true ? { lax: true } : {}),
    },
  };
}

/** The fault catalogue as an aligned text table. */
export function faultTable(): string {
  const rows = listFaults().map((f) => [f.name, f.tag, f.operation, f.expectedCheck, f.description]);
  const head = ['NAME', 'TAG', 'OPERATION', 'EXPECTED CHECK', 'DESCRIPTION'];
  const widths = head.slice(0, 4).map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i < 4 ? c.padEnd(widths[i]) : c)).join('  ');
  return [line(head), ...rows.map(line), '', `${rows.length} fault switches.`].join('\n');
}

/** Runs the CLI on process.argv (the bin shim calls this). */
export async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseCli>;
  try {
    parsed = parseCli(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`pieces-os-emulator: ${(e as Error).message} (see --help)\n`);
    process.exit(2);
  }
  if (parsed.action !== 'start') {
    process.stdout.write(parsed.action === 'help' ? HELP : `${faultTable()}\n`);
    return;
  }
  const { options } = parsed;
  let emulator: Awaited<ReturnType<typeof startEmulator>> | undefined;
  let stopping = false;
  // Installed before the listening line goes out: whoever reads that line may signal at once.
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (!emulator) process.exit(0); // still starting: nothing acknowledged yet, nothing to close
    process.stdout.write(`${signal}: closing\n`);
    emulator.close().then(
      () => process.exit(0),
      (err) => {
        process.stderr.write(`pieces-os-emulator: close failed: ${(err as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  try {
    emulator = await startEmulator(options);
  } catch (e) {
    const message = (e as Error).message;
    process.stderr.write(`pieces-os-emulator: ${message}\n`);
    process.exit(/^Unknown fault|^Invalid emulator option/.test(message) ? 2 : 1);
  }
  process.stdout.write(`pieces-os-emulator listening on ${emulator.url}\n`);
  process.stdout.write(`data: ${options.memory ? 'in memory' : options.dataDir}\n`);
  process.stdout.write(`faults: ${emulator.faults.length ? emulator.faults.join(', ') : 'none'}\n`);
  process.stdout.write(`profile: ${options.profile ?? 'instant'}\n`);
}

// Run only as the entry point (`tsx emulator/cli.ts`); tests import parseCli and faultTable.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
