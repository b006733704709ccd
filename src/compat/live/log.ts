/**
 * The exchange log of a conformance run: every exchange the suites' recorders saw, one JSON object
 * per line, one file per worker (`<reports>/exchanges/<project>-w<index>-<pid>.ndjson`). The live
 * verdicts of the compatibility report are computed from it, for every contract version, after the
 * run. Writing is opt-in (`PIECES_EXCHANGE_LOG=1`; `pieces-conformance compat` sets it) and
 * synchronous (a worker that dies loses nothing already written); bodies are cut at 256 KiB.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Exchange } from '../../core/types.js';
import { EXCHANGE_LOG_DIR } from '../../report/paths.js';
import { envName, readSetting } from '../../settings/index.js';

export { EXCHANGE_LOG_DIR };

/** The variable that turns the log on in the suites. */
export const EXCHANGE_LOG_ENV = envName('exchangeLog');

/** Bodies longer than this (in UTF-16 code units, about bytes for JSON) are cut. */
export const MAX_LOGGED_BODY = 256 * 1024;

/** One logged exchange: the Exchange, where it came from, and what was cut. */
export interface LoggedExchange extends Exchange {
  /** Playwright project (suite) of the test that made it. */
  project?: string;
  /** Title path of the test that made it. */
  test?: string;
  /** Original lengths of the bodies that were cut to MAX_LOGGED_BODY. */
  truncated?: { request?: number; response?: number };
}

/** Where the test was when the exchange happened. */
export interface LogContext {
  project?: string;
  test?: string;
}

/** True when the suites should write the log (the exchangeLog setting, PIECES_EXCHANGE_LOG). */
export function exchangeLogEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return readSetting('exchangeLog', env);
}

/** The log folder of a reports directory. */
export function exchangeLogDir(reportsDir: string): string {
  return join(reportsDir, EXCHANGE_LOG_DIR);
}

/** Removes the log of an earlier run (a whole run starts clean). */
export function clearExchangeLog(reportsDir: string): void {
  rmSync(exchangeLogDir(reportsDir), { recursive: true, force: true });
}

/** The exchange as it is logged: bodies cut at `max`, with the original lengths noted. */
export function toLogged(exchange: Exchange, context: LogContext = {}, max = MAX_LOGGED_BODY): LoggedExchange {
  const truncated: NonNullable<LoggedExchange['truncated']> = {};
  let request = exchange.request;
  let response = exchange.response;
  if (request.body !== undefined && request.body.length > max) {
    truncated.request = request.body.length;
    request = { ...request, body: request.body.slice(0, max) };
  }
  if (response && response.body.length > max) {
    truncated.response = response.body.length;
    response = { ...response, body: response.body.slice(0, max) };
  }
  return {
    ...exchange,
    request,
    ...(response ? { response } : {}),
    ...(context.project ? { project: context.project } : {}),
    ...(context.test ? { test: context.test } : {}),
    ...(truncated.request !== undefined || truncated.response !== undefined ? { truncated } : {}),
  };
}

/** Appends exchanges to one worker's file. */
export class ExchangeLogWriter {
  readonly file: string;
  private ready = false;

  constructor(reportsDir: string, worker: string) {
    this.file = join(exchangeLogDir(reportsDir), `${worker.replace(/[^\w.-]+/g, '_')}.ndjson`);
  }

  /** Writes one exchange (one line). */
  write(exchange: Exchange, context: LogContext = {}): void {
    if (!this.ready) {
      mkdirSync(join(this.file, '..'), { recursive: true });
      this.ready = true;
    }
    appendFileSync(this.file, `${JSON.stringify(toLogged(exchange, context))}\n`);
  }
}

/** What reading a log found. */
export interface ExchangeLogRead {
  exchanges: LoggedExchange[];
  /** The files read. */
  files: string[];
  /** Lines that were not JSON exchanges (a worker killed mid-line), as `file:line`. */
  skipped: string[];
}

/** Reads every worker file of a log folder, in file then line order; a missing folder is an empty log. */
export function readExchangeLog(dir: string): ExchangeLogRead {
  const out: ExchangeLogRead = { exchanges: [], files: [], skipped: [] };
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.ndjson'))
    .sort()) {
    const file = join(dir, name);
    out.files.push(file);
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        try {
          const ex = JSON.parse(line) as LoggedExchange;
          if (
            ex &&
            typeof ex === 'object' &&
            ex.request &&
            typeof ex.request.method === 'string' &&
            typeof ex.request.url === 'string'
          ) {
            out.exchanges.push(ex);
            return;
          }
        } catch {
          /* counted below */
        }
        out.skipped.push(`${name}:${i + 1}`);
      });
  }
  return out;
}
