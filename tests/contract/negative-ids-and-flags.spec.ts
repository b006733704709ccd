/**
 * Negative tests for every operation with a path parameter or a query flag: unknown ids and invalid
 * query flags. Each must be refused with a 4xx (negative_data_rejection, status_code_conformance)
 * and leave the state as it was (no_state_change_on_rejection). (Bodies: negative-bodies.spec.ts.)
 */
import { randomBytes } from 'node:crypto';
import { test } from '../fixtures/index.js';
import { distinctiveToken, markedName, seed, unknownId, unknownUuid } from '../fixtures/data.js';
import { must } from '../fixtures/must.js';
import { applicationsState, assetsState, conversationsState, modelIds } from '../fixtures/snapshots.js';
import type { ApiClient, OperationId } from '../../src/client/index.js';

/** What a refused request must not have changed, as a comparable value. */
type State = (api: ApiClient, nonce: string) => Promise<unknown>;

/** Operations whose unknown ids must be refused, and the state each could touch. */
const UNKNOWN_IDS: Array<{
  op: OperationId;
  param?: string;
  write: boolean;
  what: string;
  state: State;
  body?: (api: ApiClient, nonce: string) => Promise<unknown>;
}> = [
  { op: 'getAsset', param: 'asset', write: false, what: 'assets', state: assetsState },
  { op: 'deleteAsset', param: 'asset', write: true, what: 'assets', state: assetsState },
  { op: 'getFormat', param: 'format', write: false, what: 'assets', state: assetsState },
  { op: 'getConversation', param: 'conversation', write: false, what: 'conversations', state: conversationsState },
  {
    op: 'getConversationMessages',
    param: 'conversation',
    write: false,
    what: 'conversations',
    state: conversationsState,
  },
  { op: 'deleteConversation', param: 'conversation', write: true, what: 'conversations', state: conversationsState },
  { op: 'getModel', param: 'model', write: false, what: 'model ids', state: (api) => modelIds(api) },
  { op: 'downloadModel', param: 'model', write: true, what: 'model ids', state: (api) => modelIds(api) },
  { op: 'loadModel', param: 'model', write: true, what: 'model ids', state: (api) => modelIds(api) },
  { op: 'unloadModel', param: 'model', write: true, what: 'model ids', state: (api) => modelIds(api) },
  { op: 'cancelModelDownload', param: 'model', write: true, what: 'model ids', state: (api) => modelIds(api) },
  {
    op: 'updateAsset',
    write: true,
    what: 'assets',
    state: assetsState,
    body: async (api, n) => {
      const asset = must(
        await api.call('createAsset', {
          body: seed(markedName('negative-unknown', n), `let ${distinctiveToken()} = 3;\n`),
        }),
        'the unknown-id update test',
      );
      return { ...asset, id: unknownId(), name: markedName('negative-unknown-renamed', n) };
    },
  },
  {
    op: 'closeApplicationSession',
    write: true,
    what: 'applications',
    state: applicationsState,
    body: async () => unknownUuid(),
  },
];

/** The reads whose refusal of an unknown id upstream documents (410 Gone); any other's is assumed. */
const UPSTREAM_GONE = new Set<OperationId>(['getAsset', 'getConversation', 'getModel']);

test.describe('Negative: unknown ids', { tag: '@Negative' }, () => {
  for (const c of UNKNOWN_IDS) {
    test(`${c.op} refuses an unknown ${c.param ?? 'id in its body'}`, async ({ api, judge, safety }) => {
      if (c.write) safety.writes();
      const nonce = randomBytes(4).toString('hex');
      const body = c.body ? await c.body(api, nonce) : undefined;
      const before = await c.state(api, nonce);
      const res = await api.callLoose(c.op, {
        ...(c.param ? { path: { [c.param]: unknownId() } } : {}),
        ...(body !== undefined ? { body } : {}),
        intent: 'negative',
        note: `unknown ${c.param ?? 'id'}`,
        ...(UPSTREAM_GONE.has(c.op) ? { expectation: 'unknown-id-gone' as const } : {}),
      });
      const after = await c.state(api, nonce);
      judge('no_state_change_on_rejection', { operation: c.op, rejected: res.exchange, what: c.what, before, after });
    });
  }
});

/** Reads with a boolean query flag: a value that is not a boolean is a 400 (the contract documents it). */
const QUERY_FLAGS: Array<{ op: OperationId; flag: string; param?: string; body?: unknown }> = [
  { op: 'getAssetsSnapshot', flag: 'transferables' },
  { op: 'getAsset', flag: 'transferables', param: 'asset' },
  { op: 'searchAssets', flag: 'pseudo', body: { query: 'anything' } },
  { op: 'getFormatsSnapshot', flag: 'transferables' },
  { op: 'getFormat', flag: 'transferable', param: 'format' },
  { op: 'getConversationsSnapshot', flag: 'transferables' },
  { op: 'getConversation', flag: 'transferables', param: 'conversation' },
  { op: 'getConversationMessages', flag: 'transferables', param: 'conversation' },
];

test.describe('Negative: query parameters', { tag: '@Negative' }, () => {
  for (const q of QUERY_FLAGS) {
    test(`${q.op} refuses ${q.flag}=maybe`, async ({ api }) => {
      await api.callLoose(q.op, {
        ...(q.param ? { path: { [q.param]: unknownId() } } : {}),
        ...(q.body ? { body: q.body } : {}),
        query: { [q.flag]: 'maybe' },
        intent: 'negative',
        note: `${q.flag} is not a boolean`,
      });
    });
  }
});
