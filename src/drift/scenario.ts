/**
 * The seeded scenario drift compares: the same requests, in the same order, against both sides.
 * REST: health and version, two assets created (read, listed, searched, ranked by relevance),
 * a question, a conversation (read, its messages, the list), the models (list, one model), the
 * applications, the user; stream: one question on /qgpt/stream. What is recorded per step is what
 * drift compares: the status, the media type, the body's shape; for the stream, the sequence of
 * statuses and the frames' shape. The assets it created are deleted at the end (also recorded).
 * Its seeds name the application POST /connect answers and its questions the first model listed,
 * as a real client's do. `readonly` keeps to reads that touch none of the user's library (health,
 * version, models, applications, the user): no write and no prompt on either side.
 */
import { randomBytes } from 'node:crypto';
import { ApiClient } from '../client/client.js';
import { fetchTransport } from '../client/transport/fetch.js';
import { clientPlatform, questionModelOf } from '../client/realClient.js';
import type { OperationId } from '../client/types.js';
import type { LoadedSpec } from '../contract/types.js';
import { StreamSession } from '../stream/session.js';
import { firstConversationOf, statusOf } from '../stream/frames.js';
import { essence } from '../validate/media.js';
import { bodyShape, mergeShapes, shapeOf, type Shape } from './shape.js';

/** One REST step as observed. */
export interface StepRecord {
  step: string;
  operationId: string;
  /** 0: no response (see error). */
  status: number;
  media?: string;
  shape: Shape;
  error?: string;
}

/** The streamed question as observed. */
export interface StreamRecord {
  step: string;
  operationId: string;
  /** Every frame's status, in order. */
  statuses: string[];
  /** The statuses with repeats collapsed: `INITIALIZED IN-PROGRESS+ COMPLETED`. */
  sequence: string;
  /** The shape of every frame, merged. */
  frameShape: Shape;
  /** How watching ended (terminal, idle, closed, ...). */
  end?: string;
  error?: string;
}

/** One side's run of the scenario. */
export interface ScenarioRecord {
  baseUrl: string;
  steps: StepRecord[];
  stream: StreamRecord;
}

/** `A A B B B C` → `A+ B+ C` (how many IN-PROGRESS frames an answer takes is model text, not shape). */
export function collapseSequence(statuses: readonly string[]): string {
  const out: string[] = [];
  for (let i = 0; i < statuses.length; i++) {
    let j = i;
    while (j + 1 < statuses.length && statuses[j + 1] === statuses[i]) j++;
    out.push(j > i ? `${statuses[i]}+` : statuses[i]);
    i = j;
  }
  return out.join(' ') || '(no frame)';
}

/** The streamed question before it is asked. */
const NOT_ASKED: StreamRecord = {
  step: 'streamed question',
  operationId: 'qgptStream',
  statuses: [],
  sequence: '(no frame)',
  frameShape: {},
};

/** What the scenario needs besides the target. */
export interface ScenarioOptions {
  spec: LoadedSpec;
  timeoutMs?: number;
  /** Only reads outside the user's library: no write, no prompt (diff --readonly). */
  readonly?: boolean;
  /** Stream timeouts (ms): a stream that never ends must not hang the diff. */
  streamTimeoutMs?: number;
  streamIdleMs?: number;
}

/** Runs the scenario against one base URL. */
export async function runScenario(baseUrl: string, o: ScenarioOptions): Promise<ScenarioRecord> {
  const api = new ApiClient({ baseUrl, spec: o.spec, transport: fetchTransport(), timeoutMs: o.timeoutMs ?? 10_000 });
  const steps: StepRecord[] = [];
  const nonce = randomBytes(4).toString('hex');
  const call = async (step: string, operationId: OperationId, args: Parameters<ApiClient['callLoose']>[1] = {}) => {
    const r = await api.callLoose(operationId, { intent: 'neutral', ...args });
    const media = r.exchange.response ? essence(r.headers['content-type']) : undefined;
    steps.push({
      step,
      operationId,
      status: r.status,
      ...(media ? { media } : {}),
      shape: r.exchange.response ? bodyShape(r.text, media) : {},
      ...(r.exchange.error ? { error: r.exchange.error } : {}),
    });
    let parsed: any;
    try {
      parsed = r.text ? JSON.parse(r.text) : undefined;
    } catch {
      parsed = undefined;
    }
    return parsed;
  };
  await call('health', 'getWellKnownHealth');
  await call('version', 'getWellKnownVersion');
  const models = await call('list models', 'getModelsSnapshot');
  const listed = Array.isArray(models?.iterable) ? models.iterable : [];
  const firstId = typeof listed[0]?.id === 'string' ? listed[0].id : 'pieces-conformance-unknown-model';
  await call('get model (the first listed)', 'getModel', { path: { model: firstId } });
  const modelId = questionModelOf(listed) ?? firstId;
  await call('list applications', 'getApplicationsSnapshot');
  await call('user', 'getUser');
  if (o.readonly) return { baseUrl, steps, stream: { ...NOT_ASKED, error: 'not asked: --readonly puts no prompt' } };
  // A real client's application: POST /connect answers it (the same version reconnects to the same one).
  const context = await call('connect', 'connect', {
    body: { application: { name: 'OPEN_SOURCE', platform: clientPlatform(), version: 'pieces-conformance:drift' } },
  });
  const app = context?.application ?? {
    id: 'pieces-conformance-unknown-application',
    name: 'OPEN_SOURCE',
    version: 'pieces-conformance:drift',
    platform: clientPlatform(),
    onboarded: true,
    privacy: 'OPEN',
  };
  const asked = { application: app.id, model: modelId };
  const seed = (name: string, raw: string, ext: string) => ({
    type: 'SEEDED_ASSET',
    asset: { application: app, format: { fragment: { string: { raw }, metadata: { ext } } }, metadata: { name } },
  });
  const token = `zqdrift${nonce}`;

  const a = await call('create asset (TypeScript)', 'createAsset', {
    body: seed(
      `pieces-conformance:drift-a:${nonce}`,
      `export function ${token}(xs: number[]) {\n  return xs.reduce((a, b) => a + b, 0);\n}\n`,
      'ts',
    ),
  });
  const b = await call('create asset (Python)', 'createAsset', {
    body: seed(`pieces-conformance:drift-b:${nonce}`, `def helper_${nonce}(items):\n    return sorted(items)\n`, 'py'),
  });
  const idA = typeof a?.id === 'string' ? a.id : 'pieces-conformance-unknown-asset';
  const idB = typeof b?.id === 'string' ? b.id : 'pieces-conformance-unknown-asset';
  await call('get asset', 'getAsset', { path: { asset: idA } });
  await call('list assets', 'getAssetsSnapshot');
  await call('search assets', 'searchAssets', { body: { query: token } });
  await call('relevance', 'qgptRelevance', {
    body: {
      query: `what does ${token} do?`,
      assets: { iterable: [{ id: idA }, { id: idB }] },
      options: { database: true },
      ...asked,
    },
  });
  await call('question', 'qgptQuestion', {
    body: {
      query: `How do I call ${token}?`,
      relevant: {
        iterable: [
          {
            seed: seed(`pieces-conformance:drift-q:${nonce}`, `function ${token}(a, b) { return a + b; }\n`, 'js'),
            score: 1,
          },
        ],
      },
      ...asked,
    },
  });
  const conv = await call('create conversation', 'createConversation', {
    body: {
      type: 'COPILOT',
      name: `pieces-conformance:drift:${nonce}`,
      messages: [{ role: 'USER', fragment: { string: { raw: 'How do I reverse a list in Python?' } } }],
    },
  });
  const convId = typeof conv?.id === 'string' ? conv.id : 'pieces-conformance-unknown-conversation';
  await call('get conversation', 'getConversation', { path: { conversation: convId } });
  await call('conversation messages', 'getConversationMessages', { path: { conversation: convId } });
  await call('list conversations', 'getConversationsSnapshot');
  const { record: stream, conversation: streamed } = await streamQuestion(baseUrl, token, asked, o);
  await call('delete asset', 'deleteAsset', { path: { asset: idA } });
  await call('delete asset', 'deleteAsset', { path: { asset: idB } });
  await call('delete conversation', 'deleteConversation', { path: { conversation: convId } });
  // The streamed question started a conversation of its own: removed too, but not compared (a
  // stream that failed started none).
  if (streamed) await api.callLoose('deleteConversation', { path: { conversation: streamed }, intent: 'neutral' });
  return { baseUrl, steps, stream };
}

/** One question on /qgpt/stream: the statuses of its frames and their shape, and the conversation it started. */
async function streamQuestion(
  baseUrl: string,
  token: string,
  asked: { application: string; model: string },
  o: ScenarioOptions,
): Promise<{ record: StreamRecord; conversation?: string }> {
  const record: StreamRecord = { ...NOT_ASKED, statuses: [] };
  let conversation: string | undefined;
  const session = new StreamSession({
    baseUrl,
    timeouts: { requestMs: o.streamTimeoutMs ?? 15_000, idleMs: o.streamIdleMs ?? 5_000, connectMs: 5_000 },
    settleMs: 100,
  });
  try {
    const socket = await session.open();
    const handle = socket.ask({
      question: {
        query: `pieces-conformance: How do I reverse a list in Python? [${token}]`,
        relevant: { iterable: [] },
        ...asked,
      },
    });
    const req = await handle.done;
    await session.settle();
    record.statuses = req.frames.map((f) =>
      f.parseError !== undefined ? '(not JSON)' : (statusOf(f) ?? '(no status)'),
    );
    record.sequence = collapseSequence(record.statuses);
    record.end = req.end?.kind;
    record.frameShape = mergeShapes(
      ...req.frames.filter((f) => f.parseError === undefined).map((f) => shapeOf(f.value)),
    );
    conversation = firstConversationOf(req.frames);
  } catch (err) {
    record.error = String((err as Error).message ?? err);
  } finally {
    await session.close();
  }
  return { record, conversation };
}
