/**
 * A deliberate upgrade attempt with custom headers (a foreign Host or Origin), made with a raw
 * `ws` client: it is not a contract exchange, only the facts the upgrade-guard check judges.
 */
import WebSocket from 'ws';
import type { StreamChannel, UpgradeAttempt } from './types.js';

/** Tries to open `url` with `header: value`; resolves with what happened (never rejects). */
export function attemptUpgrade(
  url: string,
  header: 'host' | 'origin',
  value: string,
  timeoutMs: number,
): Promise<UpgradeAttempt> {
  return new Promise((resolve) => {
    const attempt: UpgradeAttempt = { url, header, value, opened: false };
    const options: WebSocket.ClientOptions = { handshakeTimeout: timeoutMs };
    if (header === 'origin') options.origin = value;
    else options.headers = { Host: value };
    const ws = new WebSocket(url, options);
    const done = () => resolve(attempt);
    ws.once('open', () => {
      attempt.opened = true;
      ws.close(1000);
      done();
    });
    ws.once('unexpected-response', (_req, res) => {
      attempt.status = res.statusCode;
      res.resume();
      ws.terminate();
      done();
    });
    ws.once('error', (err) => {
      attempt.error = err.message;
      done();
    });
  });
}

/** The channel an upgrade URL belongs to. */
export function channelOf(url: string): StreamChannel {
  return new URL(url).pathname.includes('/download/progress') ? 'modelDownloadProgress' : 'qgptStream';
}
