/**
 * Property: any invalid body (a valid value with one required field dropped, a type changed, an
 * enum value invented, a format, pattern or bound broken; or its JSON text cut short) is refused with a 4xx
 * (`negative_data_rejection`), and the refusal changes nothing (`no_state_change_on_rejection`):
 * the assets snapshot, and this test's own conversations and applications, are as before.
 */
import fc, { type Arbitrary } from 'fast-check';
import type { ApiClient, Contract } from '../../src/client/index.js';
import { hasErrors } from '../../src/core/errors.js';
import {
  assetName,
  invalidVariant,
  requestBodySchema,
  validApplication,
  validConnectorConnection,
  validQuestionInput,
  validRelevanceInput,
  validRepromptInput,
  validSearchInput,
  validSeed,
  validSeededConversation,
  type OpenApiDocument,
} from '../../src/fuzz/index.js';
import type { ValidatorSet } from '../../src/validate/validators.js';
import { PROMPT_OPERATIONS } from '../../src/target/safety.js';
import { seed as fixedSeed, UNKNOWN_PREFIX } from '../fixtures/data.js';
import { must } from '../fixtures/must.js';
import { applicationsState, assetsState, conversationsState } from '../fixtures/snapshots.js';
import { test } from './support/test.js';
import { marked, namedSeed, seedName, testNonce } from './support/data.js';

/** What a row's valid values are built from (some need something created first). */
interface Ctx {
  api: ApiClient;
  doc: OpenApiDocument;
  nonce: string;
}

/** One operation whose bodies are fuzzed invalid, and the state a refusal must leave unchanged. */
interface Row {
  operationId: string;
  /** Valid bodies, names carrying the test's marker and nonce. */
  valid(ctx: Ctx): Promise<Arbitrary<unknown>>;
  /** The state snapshot besides the assets (this test's own conversations or applications). */
  extra?: 'conversations' | 'applications';
  /** Whether the operation creates or changes data (skipped in read-only runs). */
  writes: boolean;
  /** Undoes what an invalid body wrongly accepted did, so later cases start clean (the case fails anyway). */
  undo?(api: ApiClient, accepted: unknown): Promise<void>;
}

/** The asset each updateAsset test created to update, by nonce (restored after an accepted invalid update). */
const bases = new Map<string, Contract.Asset>();

const name = (nonce: string) => assetName().map((n) => marked(nonce, n));

const ROWS: Row[] = [
  {
    operationId: 'createAsset',
    writes: true,
    // Every valid seed is named, marked (a mutation may still break the name: that is its point).
    valid: async ({ doc, nonce }) =>
      validSeed({ spec: doc }).map((seed) => namedSeed(seed, marked(nonce, seedName(seed)))),
    undo: async (api, created: any) => {
      if (typeof created?.id === 'string')
        await api.call('deleteAsset', {
          path: { asset: created.id },
          intent: 'neutral',
          note: 'undo an accepted invalid seed',
        });
    },
  },
  {
    operationId: 'updateAsset',
    writes: true,
    // A real asset of this test, renamed: every invalid variant is otherwise a plausible update.
    valid: async ({ api, nonce }) => {
      const base = must(
        await api.call('createAsset', { body: fixedSeed(marked(nonce, 'update base'), 'const base = 1;\n') }),
        'the updateAsset negative property',
      );
      bases.set(nonce, base);
      return name(nonce).map((n) => ({ ...base, name: n }));
    },
    undo: async (api, updated: any) => {
      const base = [...bases.values()].find((b) => b.id === updated?.id);
      if (base)
        await api.call('updateAsset', { body: base, intent: 'neutral', note: 'undo an accepted invalid update' });
    },
  },
  { operationId: 'searchAssets', writes: false, valid: async ({ doc }) => validSearchInput({ spec: doc }) },
  { operationId: 'qgptRelevance', writes: false, valid: async ({ doc }) => validRelevanceInput({ spec: doc }) },
  { operationId: 'qgptQuestion', writes: false, valid: async ({ doc }) => validQuestionInput({ spec: doc }) },
  { operationId: 'qgptReprompt', writes: false, valid: async ({ doc }) => validRepromptInput({ spec: doc }) },
  {
    operationId: 'createConversation',
    writes: true,
    extra: 'conversations',
    valid: async ({ doc, nonce }) =>
      validSeededConversation({ spec: doc }).map((c) => ({
        ...c,
        name: marked(nonce, typeof c.name === 'string' ? c.name : ''),
      })),
  },
  {
    operationId: 'registerApplication',
    writes: true,
    extra: 'applications',
    valid: async ({ doc, nonce }) =>
      validApplication({ spec: doc }).map((a) => ({ ...a, version: marked(nonce, String(a.version)) })),
  },
  {
    operationId: 'closeApplicationSession',
    writes: true,
    valid: async ({ api }) =>
      fc.constant(must(await api.call('openApplicationSession'), 'the closeApplicationSession negative property').id),
  },
  {
    operationId: 'connect',
    writes: true,
    extra: 'applications',
    valid: async ({ doc, nonce }) =>
      validConnectorConnection({ spec: doc }).map((c) => ({
        ...c,
        application: { ...c.application, version: marked(nonce, String(c.application?.version)) },
      })),
  },
];

/** One invalid case: a value that breaks the schema (sent as JSON), or a text that is not JSON; and why. */
interface Invalid {
  why: string;
  value?: unknown;
  text?: string;
}

/** The body text of a case. */
function bodyOf(c: Invalid): string {
  return c.text ?? JSON.stringify(c.value);
}

/** Whether the contract accepts `text` as the operation's JSON body (the same validators the checks use). */
function validText(validators: ValidatorSet, operationId: string, text: string): boolean {
  return !hasErrors(validators.validateRequestBody(operationId, 'application/json', text).diagnostics);
}

/** Whether the contract accepts the value, serialised, as the operation's body. */
function validValue(validators: ValidatorSet, operationId: string, value: unknown): boolean {
  return value !== undefined && validText(validators, operationId, JSON.stringify(value));
}

// A session id is only sent when it cannot be anyone's: a broken one carries the unknown prefix
// (the fixtures refuse to close sessions the test did not open).
function harmless(operationId: string, value: unknown): unknown {
  return operationId === 'closeApplicationSession' && typeof value === 'string' ? `${UNKNOWN_PREFIX}${value}` : value;
}

test.describe('Properties: invalid bodies', { tag: '@property' }, () => {
  // One after the other in one worker: what a wrongly accepted body leaves behind (an unmarked
  // asset) must show in its own test's snapshots, not in a neighbour's running at the same time.
  test.describe.configure({ mode: 'default' });
  const NOT_IN_CONTRACT = 'not in the contract: the contract that judges (--contract) has no such operation';

  for (const row of ROWS) {
    test(`any invalid ${row.operationId} body is refused with a 4xx and changes nothing`, async ({
      api,
      property,
      judge,
      spec,
      contract,
      validators,
      safety,
    }) => {
      test.skip(!contract.operations.has(row.operationId), NOT_IN_CONTRACT);
      if (row.writes) safety.writes();
      if (PROMPT_OPERATIONS.has(row.operationId)) safety.prompts();
      const nonce = testNonce();
      const doc = spec.dereferenced;
      const valid = await row.valid({ api, doc, nonce });
      const mutated = invalidVariant(requestBodySchema(doc, row.operationId), valid, (v) =>
        validValue(validators, row.operationId, v),
      ).map(
        ({ value, mutation }): Invalid => ({
          why: `${mutation.kind} at ${mutation.path || '/'}: ${mutation.description}`,
          value: harmless(row.operationId, value),
        }),
      );
      // Now and then a body that is not JSON at all: a valid body's text cut short.
      const truncated = fc
        .tuple(valid, fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }))
        .map(([value, at]): Invalid => {
          const whole = JSON.stringify(harmless(row.operationId, value));
          const cut = 1 + Math.floor(at * (whole.length - 1));
          return {
            why: `malformed JSON: the body's text cut after ${cut} of ${whole.length} characters`,
            text: whole.slice(0, cut),
          };
        });
      const invalid = fc
        .oneof({ arbitrary: mutated, weight: 4 }, { arbitrary: truncated, weight: 1 })
        .filter((c) => !validText(validators, row.operationId, bodyOf(c)));
      const state = async () => ({
        assets: await assetsState(api, nonce),
        ...(row.extra === 'conversations' ? { conversations: (await conversationsState(api, nonce)).mine } : {}),
        ...(row.extra === 'applications' ? { applications: (await applicationsState(api, nonce)).mine } : {}),
      });

      await fc.assert(
        fc.asyncProperty(
          invalid,
          property.case(async (c) => {
            const before = await state();
            const res = await api.call(row.operationId as 'createAsset', {
              rawBody: bodyOf(c),
              intent: 'negative',
              note: c.why,
            });
            if (res.ok) await row.undo?.(api, res.data);
            const after = await state();
            judge('no_state_change_on_rejection', {
              operation: row.operationId,
              rejected: res.exchange,
              what: `assets${row.extra ? ` and this test's ${row.extra}` : ''}`,
              before,
              after,
            });
          }),
        ),
        property.parameters({ runs: 25, deepRuns: 250 }),
      );
    });
  }
});
