/**
 * Negative tests for every operation with a body: malformed JSON (and no body), bodies of the wrong
 * types, bodies missing required properties, bodies over the size limit (every operation that
 * documents 413). Each must be refused with a 4xx (negative_data_rejection,
 * status_code_conformance) and leave the state as it was (no_state_change_on_rejection, from
 * snapshots before and after). Invalid bodies are derived from
 * a valid one and confirmed invalid by the contract's validator. (Unknown ids and invalid query
 * flags: negative-ids-and-flags.spec.ts.)
 */
import { randomBytes } from 'node:crypto';
import { test, type Judge } from '../fixtures/index.js';
import {
  connection,
  distinctiveToken,
  markedName,
  registrableApplication,
  seed,
  seededConversation,
} from '../fixtures/data.js';
import { must } from '../fixtures/must.js';
import { applicationsState, assetsState, conversationsState } from '../fixtures/snapshots.js';
import { missingRequired, wrongTypes, type Variant } from '../fixtures/variants.js';
import type { ApiClient, OperationId } from '../../src/client/index.js';
import type { ValidatorSet } from '../../src/validate/validators.js';
import { PROMPT_OPERATIONS } from '../../src/target/safety.js';

/** What a refused request must not have changed, as a comparable value. */
type State = (api: ApiClient, nonce: string) => Promise<unknown>;

/** An operation with a JSON body: its valid body (which may need setup) and the state it could touch. */
interface BodyOperation {
  op: OperationId;
  write: boolean;
  what: string;
  state: State;
  valid: (api: ApiClient, nonce: string) => Promise<unknown>;
  /** Runs after the variants (e.g. proves a session is still open by closing it). */
  after?: (api: ApiClient, judge: Judge, valid: unknown) => Promise<void>;
}

const BODY_OPERATIONS: BodyOperation[] = [
  {
    op: 'createAsset',
    write: true,
    what: 'assets',
    state: assetsState,
    valid: async (_api, n) => seed(markedName('negative', n), `let ${distinctiveToken()} = 1;\n`),
  },
  {
    op: 'searchAssets',
    write: false,
    what: 'assets',
    state: assetsState,
    valid: async () => ({ query: distinctiveToken(), casing: false }),
  },
  {
    op: 'updateAsset',
    write: true,
    what: 'assets',
    state: assetsState,
    valid: async (api, n) => {
      const asset = must(
        await api.call('createAsset', {
          body: seed(markedName('negative-update', n), `let ${distinctiveToken()} = 2;\n`),
        }),
        'the update negative test',
      );
      return { ...asset, name: markedName('negative-renamed', n) };
    },
  },
  {
    op: 'qgptQuestion',
    write: false,
    what: 'assets',
    state: assetsState,
    valid: async () => ({ query: 'What is a closure?', relevant: { iterable: [] } }),
  },
  {
    op: 'qgptRelevance',
    write: false,
    what: 'assets',
    state: assetsState,
    valid: async () => ({ query: distinctiveToken(), options: { database: true } }),
  },
  {
    op: 'qgptReprompt',
    write: false,
    what: 'assets',
    state: assetsState,
    valid: async () => ({
      query: 'and in Go?',
      conversation: {
        iterable: [{ text: 'How do I sort?', role: 'USER', timestamp: { value: new Date().toISOString() } }],
      },
    }),
  },
  {
    op: 'createConversation',
    write: true,
    what: 'conversations',
    state: conversationsState,
    valid: async (_api, n) => seededConversation(markedName('negative', n), [{ role: 'USER', text: 'hello' }]),
  },
  {
    op: 'registerApplication',
    write: true,
    what: 'applications',
    state: applicationsState,
    valid: async (_api, n) => registrableApplication(n),
  },
  {
    op: 'connect',
    write: true,
    what: 'applications',
    state: applicationsState,
    valid: async (_api, n) => connection(n),
  },
  {
    op: 'closeApplicationSession',
    write: true,
    what: 'applications',
    state: applicationsState,
    valid: async (api) => must(await api.call('openApplicationSession'), 'the session negative test').id,
    // The session must still be open: closing it now succeeds (a refused close that closed it gives 409).
    after: async (api, judge, id) => {
      const closed = await api.call('closeApplicationSession', {
        body: id as string,
        note: 'the session survived the refused closes',
      });
      judge('session_lifecycle', {
        operation: 'closeApplicationSession',
        step: 'close',
        id: id as string,
        session: closed.data ?? {},
      });
    },
  },
];

/** One kind of negative case and how to derive its variants from the valid body. */
const KINDS: Array<{
  kind: string;
  variants: (c: { validators: ValidatorSet; op: OperationId; valid: unknown }) => Variant[];
}> = [
  {
    kind: 'malformed JSON and no body',
    variants: () => [
      { note: 'malformed JSON', body: RAW_MALFORMED },
      { note: 'no body', body: RAW_EMPTY },
    ],
  },
  { kind: 'wrong types', variants: (c) => wrongTypes(c.validators, c.op, c.valid) },
  { kind: 'missing required fields', variants: (c) => missingRequired(c.validators, c.op, c.valid) },
];
const RAW_MALFORMED = Symbol('malformed');
const RAW_EMPTY = Symbol('empty');

/** The raw text of a variant's body. */
function rawOf(body: unknown): string {
  if (body === RAW_MALFORMED) return '{"query": "unterminated, "relevant": [';
  if (body === RAW_EMPTY) return '';
  return JSON.stringify(body);
}

/** Sends each variant as a negative request between two state snapshots, judging that nothing changed. */
async function refuseEach(api: ApiClient, judge: Judge, spec: BodyOperation, nonce: string, variants: Variant[]) {
  for (const v of variants) {
    const before = await spec.state(api, nonce);
    const res = await api.callLoose(spec.op, { rawBody: rawOf(v.body), intent: 'negative', note: v.note });
    const after = await spec.state(api, nonce);
    judge('no_state_change_on_rejection', {
      operation: spec.op,
      rejected: res.exchange,
      what: spec.what,
      before,
      after,
    });
  }
}

test.describe('Negative: request bodies', { tag: '@Negative' }, () => {
  for (const spec of BODY_OPERATIONS) {
    for (const { kind, variants } of KINDS) {
      test(`${spec.op} refuses ${kind}`, async ({ api, judge, contract, validators, safety }) => {
        test.skip(
          !contract.operations.has(spec.op),
          'not in the contract: the contract that judges (--contract) has no such operation',
        );
        if (spec.write) safety.writes();
        if (PROMPT_OPERATIONS.has(spec.op)) safety.prompts();
        const nonce = randomBytes(4).toString('hex');
        const valid = await spec.valid(api, nonce);
        const list = variants({ validators, op: spec.op, valid });
        test.skip(list.length === 0, `the contract requires nothing in the ${spec.op} body`);
        await refuseEach(api, judge, spec, nonce, list);
        await spec.after?.(api, judge, valid);
      });
    }
  }
});

/** Bodies over the documented limit (1 MiB): 413, and nothing stored. */
test.describe('Negative: oversized bodies', { tag: '@Negative' }, () => {
  test('createAsset refuses a body over 1 MiB', async ({ api, judge, safety }) => {
    safety.writes();
    const nonce = randomBytes(4).toString('hex');
    const body = seed(markedName('oversized', nonce), `// ${'x'.repeat(1024 * 1024 + 1024)}\n`);
    const before = await assetsState(api, nonce);
    const res = await api.callLoose('createAsset', {
      rawBody: JSON.stringify(body),
      intent: 'negative',
      note: 'body over 1 MiB',
      expectation: 'oversized-body-refused',
    });
    const after = await assetsState(api, nonce);
    judge(
      'no_state_change_on_rejection',
      { operation: 'createAsset', rejected: res.exchange, what: 'assets', before, after },
      'oversized-body-refused',
    );
  });

  // Every other operation whose contract documents 413: the valid body, followed by JSON whitespace
  // past the limit (the same value once parsed, so only its size is wrong).
  for (const op of BODY_OPERATIONS.filter((o) => o.op !== 'createAsset' && o.op !== 'qgptQuestion')) {
    test(`${op.op} refuses a body over 1 MiB where 413 is documented`, async ({ api, judge, safety, spec }) => {
      test.skip(!spec.operations.get(op.op)?.responses['413'], `the contract documents no 413 for ${op.op}`);
      if (op.write) safety.writes();
      if (PROMPT_OPERATIONS.has(op.op)) safety.prompts();
      const nonce = randomBytes(4).toString('hex');
      const valid = await op.valid(api, nonce);
      const before = await op.state(api, nonce);
      const res = await api.callLoose(op.op, {
        rawBody: `${JSON.stringify(valid)}${' '.repeat(1024 * 1024 + 1024)}`,
        intent: 'negative',
        note: 'body over 1 MiB',
        expectation: 'oversized-body-refused',
      });
      const after = await op.state(api, nonce);
      judge(
        'no_state_change_on_rejection',
        { operation: op.op, rejected: res.exchange, what: op.what, before, after },
        'oversized-body-refused',
      );
      await op.after?.(api, judge, valid);
    });
  }

  test('qgptQuestion refuses a body over 1 MiB', async ({ api, safety }) => {
    safety.prompts();
    const query = `${'why '.repeat(300 * 1024)}?`;
    await api.callLoose('qgptQuestion', {
      rawBody: JSON.stringify({ query, relevant: { iterable: [] } }),
      intent: 'negative',
      note: 'body over 1 MiB',
      expectation: 'oversized-body-refused',
    });
  });
});
