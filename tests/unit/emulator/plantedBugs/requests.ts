/** What the planted-bug checks share: a plain request, an asset created from a seed, one streamed question. */
import type { RunningEmulator } from '../../../../emulator/index.js';
import { seed } from '../helpers.js';
import { StreamClient } from '../wsclient.js';

/** Whether a fault switch's bug is visible on this emulator: false on a clean one, true with the switch. */
export type ShowsBug = (em: RunningEmulator) => Promise<boolean>;

export interface R {
  status: number;
  type: string;
  text: string;
  json: any;
}
export async function req(em: RunningEmulator, method: string, path: string, body?: unknown, raw?: string): Promise<R> {
  const init: RequestInit = { method };
  if (body !== undefined || raw !== undefined) {
    init.headers = { 'content-type': 'application/json' };
    init.body = raw ?? JSON.stringify(body);
  }
  const r = await fetch(em.url + path, init);
  const text = await r.text();
  const type = r.headers.get('content-type') ?? '';
  return { status: r.status, type, text, json: type.startsWith('application/json') ? JSON.parse(text) : undefined };
}
export const create = async (em: RunningEmulator, raw: string, name?: string) =>
  (await req(em, 'POST', '/assets/create', seed(raw, { name }))).json;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Streams one question and answers the client once the REST twin's text arrived (plus a grace period). */
export async function streamed(
  em: RunningEmulator,
  request = 'mine',
  query = 'hello stream world',
): Promise<{ c: StreamClient; expected: string }> {
  const rest = await req(em, 'POST', '/qgpt/question', { query, relevant: { iterable: [] } });
  const expected = rest.json?.answers?.iterable?.[0]?.text ?? '';
  const c = await StreamClient.open(em.url);
  c.send({ request, question: { query, relevant: { iterable: [] } } });
  const inProgress = (f: any) => f.status === 'IN-PROGRESS' || f.status === 'IN_PROGRESS';
  await c
    .until(
      (fs) =>
        fs.some((f) => ['COMPLETED', 'FAILED'].includes(f.status)) ||
        fs.filter(inProgress).length >= expected.split(/(?<=\s)(?=\S)/).length,
      3000,
    )
    .catch(() => undefined);
  await sleep(60);
  return { c, expected };
}
