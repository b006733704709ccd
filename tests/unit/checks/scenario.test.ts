/** Every scenario check against hand-made facts: silent when the story holds, its title and facts when it does not. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkNamed, type CheckNameOfKind, type CheckSubjects } from '../../../src/checks/registry.js';
import type { Check } from '../../../src/checks/types.js';
import { ctxFor, exchange } from './helpers.js';

const gone = exchange({ op: 'getAsset', status: 410, contentType: 'text/plain', body: 'gone' });
const ok = exchange({ op: 'getAsset', body: {} });
const refused = exchange({
  op: 'createAsset',
  status: 400,
  contentType: 'text/plain',
  body: 'bad',
  intent: 'negative',
});
const accepted = exchange({ op: 'createAsset', body: {}, intent: 'negative' });
const closedTwiceOk = exchange({ op: 'closeApplicationSession', body: {} });
const closedTwice409 = exchange({
  op: 'closeApplicationSession',
  status: 409,
  contentType: 'text/plain',
  body: 'closed',
});

/** check, case, facts, expected facts (one regex per failure; empty: passes). */
/** One row per case: the check, a label, facts of that check's type, and the facts lines expected. */
type Row = { [N in CheckNameOfKind<'scenario'>]: [N, string, CheckSubjects[N], RegExp[]] }[CheckNameOfKind<'scenario'>];

const rows: Row[] = [
  // use_after_delete
  ['use_after_delete', 'read is gone', { operation: 'getAsset', id: 'a', deletedBy: 'deleteAsset', read: gone }, []],
  [
    'use_after_delete',
    'read still 200',
    { operation: 'getAsset', id: 'a', deletedBy: 'deleteAsset', read: ok },
    [/^Received: 200 for GET \/asset\/\{asset\} after deleteAsset \/ Expected: 410$/],
  ],
  [
    'use_after_delete',
    'still listed',
    { operation: 'getAssetsSnapshot', id: 'a', deletedBy: 'deleteAsset', listed: true },
    [/^getAssetsSnapshot still lists a after deleteAsset$/],
  ],
  [
    'use_after_delete',
    'the delete blamed, seen via the listing',
    { operation: 'deleteAsset', via: 'getAssetsSnapshot', id: 'a', deletedBy: 'deleteAsset', listed: true },
    [/^getAssetsSnapshot still lists a after deleteAsset$/],
  ],
  [
    'use_after_delete',
    'not listed',
    { operation: 'getAssetsSnapshot', id: 'a', deletedBy: 'deleteAsset', listed: false },
    [],
  ],
  // ensure_resource_availability
  [
    'ensure_resource_availability',
    'readable and listed',
    { operation: 'getAsset', id: 'a', createdBy: 'createAsset', read: ok, listed: true },
    [],
  ],
  [
    'ensure_resource_availability',
    'read gone',
    { operation: 'getAsset', id: 'a', createdBy: 'createAsset', read: gone },
    [/^Received: 410 for GET \/asset\/\{asset\} just created by createAsset \/ Expected: 200$/],
  ],
  [
    'ensure_resource_availability',
    'not listed',
    { operation: 'getAssetsSnapshot', id: 'a', createdBy: 'createAsset', listed: false },
    [/^getAssetsSnapshot does not list a just created by createAsset$/],
  ],
  [
    'ensure_resource_availability',
    'the create blamed, seen via the listing',
    {
      operation: 'registerApplication',
      via: 'getApplicationsSnapshot',
      id: 'x',
      createdBy: 'registerApplication',
      listed: false,
    },
    [/^getApplicationsSnapshot does not list x just created by registerApplication$/],
  ],
  // update_persisted
  [
    'update_persisted',
    'persisted',
    { operation: 'updateAsset', id: 'a', readBy: 'getAsset', field: 'name', sent: 'n2', readBack: 'n2' },
    [],
  ],
  [
    'update_persisted',
    'lost',
    { operation: 'updateAsset', id: 'a', readBy: 'getAsset', field: 'name', sent: 'n2', readBack: 'n1' },
    [/^name of a: sent "n2" with updateAsset \/ getAsset read back "n1"$/],
  ],
  [
    'update_persisted',
    'answered unchanged',
    { operation: 'updateAsset', id: 'a', readBy: 'updateAsset', field: 'name', sent: 'n2', readBack: 'n1' },
    [/^name of a: sent "n2" with updateAsset \/ its answer read back "n1"$/],
  ],
  // no_state_change_on_rejection: only a refusal promises "no change".
  [
    'no_state_change_on_rejection',
    'unchanged',
    { operation: 'createAsset', rejected: refused, what: 'assets', before: { a: 1 }, after: { a: 1 } },
    [],
  ],
  [
    'no_state_change_on_rejection',
    'changed',
    {
      operation: 'createAsset',
      rejected: refused,
      what: 'assets',
      before: { foreign: {} },
      after: { foreign: { x: 'UNKNOWN Snippet' } },
    },
    [/^assets changed after 400 to POST \/assets\/create: foreign\.x: added "UNKNOWN Snippet"$/],
  ],
  [
    'no_state_change_on_rejection',
    'accepted: not judged here',
    { operation: 'createAsset', rejected: accepted, what: 'assets', before: [], after: [1] },
    [],
  ],
  // content_round_trip
  [
    'content_round_trip',
    'exact',
    { operation: 'getAsset', id: 'a', field: 'raw', sent: ' x\u0000 ', received: ' x\u0000 ' },
    [],
  ],
  [
    'content_round_trip',
    'trimmed',
    { operation: 'getAsset', id: 'a', field: 'raw', sent: '  code\n', received: 'code' },
    [/^raw of a: sent 7 chars \/ received 4 chars; first difference at 0: " {2}code\\n" vs "code"$/],
  ],
  [
    'content_round_trip',
    'missing',
    { operation: 'getAsset', id: 'a', field: 'raw', sent: 'x', received: undefined },
    [/^raw of a: sent 1 chars \/ received undefined$/],
  ],
  // search_finds_created
  ['search_finds_created', 'found', { operation: 'searchAssets', query: 'q', id: 'a', found: ['b', 'a'] }, []],
  [
    'search_finds_created',
    'missed',
    { operation: 'searchAssets', query: 'q', id: 'a', found: ['b'] },
    [/^query "q" did not find a \(1 results: b\)$/],
  ],
  // relevance_sorted
  [
    'relevance_sorted',
    'sorted, first',
    { operation: 'qgptRelevance', query: 'q', ids: ['a', 'b'], scores: [1, 0.5], expected: 'a', within: 1 },
    [],
  ],
  [
    'relevance_sorted',
    'unsorted',
    { operation: 'qgptRelevance', query: 'q', ids: ['b', 'a'], scores: [0.1, 1] },
    [/^scores not descending at 1: 0\.1 then 1/],
  ],
  [
    'relevance_sorted',
    'ranked second',
    { operation: 'qgptRelevance', query: 'q', ids: ['b', 'a'], scores: [1, 1], expected: 'a', within: 1 },
    [/ranked 2 \/ Expected: within the first 1 of 2$/],
  ],
  [
    'relevance_sorted',
    'absent',
    { operation: 'qgptRelevance', query: 'q', ids: [], scores: [], expected: 'a' },
    [/a not ranked at all/],
  ],
  // model_state_machine
  [
    'model_state_machine',
    'as expected',
    {
      operation: 'loadModel',
      model: 'm',
      step: 'after load',
      observed: { downloaded: true, loaded: true },
      expected: { loaded: true },
    },
    [],
  ],
  [
    'model_state_machine',
    'still loaded',
    {
      operation: 'unloadModel',
      model: 'm',
      step: 'read after unloadModel',
      observed: { downloaded: true, loaded: true },
      expected: { downloaded: true, loaded: false },
    },
    [/^model m read after unloadModel: loaded true \(expected false\)$/],
  ],
  // session_lifecycle
  ['session_lifecycle', 'open', { operation: 'openApplicationSession', step: 'open', session: { id: 's' } }, []],
  [
    'session_lifecycle',
    'opened closed',
    { operation: 'openApplicationSession', step: 'open', session: { id: 's', closed: {} } },
    [/^new session s is already closed$/],
  ],
  [
    'session_lifecycle',
    'closed',
    { operation: 'closeApplicationSession', step: 'close', id: 's', session: { id: 's', closed: { value: 't' } } },
    [],
  ],
  [
    'session_lifecycle',
    'close without closed',
    { operation: 'closeApplicationSession', step: 'close', id: 's', session: { id: 's' } },
    [/has no `closed` timestamp/],
  ],
  [
    'session_lifecycle',
    'second close 409',
    { operation: 'closeApplicationSession', step: 'close-again', id: 's', exchange: closedTwice409 },
    [],
  ],
  [
    'session_lifecycle',
    'second close 200',
    { operation: 'closeApplicationSession', step: 'close-again', id: 's', exchange: closedTwiceOk },
    [/^Received: 200 for closing s a second time \/ Expected: 409$/],
  ],
  // conversation_messages_recorded
  [
    'conversation_messages_recorded',
    'in order',
    {
      operation: 'getConversationMessages',
      conversation: 'c',
      expected: [{ role: 'USER', text: 'q' }, { role: 'ASSISTANT' }],
      recorded: [{ role: 'SYSTEM' }, { role: 'USER', text: 'q' }, { role: 'ASSISTANT', text: 'a' }],
    },
    [],
  ],
  [
    'conversation_messages_recorded',
    'none',
    { operation: 'getConversationMessages', conversation: 'c', expected: [{ role: 'USER', text: 'q' }], recorded: [] },
    [/^conversation c lacks USER message "q" \(0 recorded: none\)$/],
  ],
  [
    'conversation_messages_recorded',
    'out of order',
    {
      operation: 'getConversationMessages',
      conversation: 'c',
      expected: [{ role: 'USER' }, { role: 'ASSISTANT' }],
      recorded: [{ role: 'ASSISTANT' }, { role: 'USER' }],
    },
    [/lacks ASSISTANT message/],
  ],
  // references_consistent
  [
    'references_consistent',
    'same',
    { operation: 'getFormat', id: 'f', field: 'asset.id', source: 'createAsset', expected: 'a', actual: 'a' },
    [],
  ],
  [
    'references_consistent',
    'differs',
    { operation: 'getFormat', id: 'f', field: 'asset.id', source: 'createAsset', expected: 'a', actual: 'b' },
    [/^asset\.id of f: "b" \/ Expected: "a" \(from createAsset\)$/],
  ],
];

for (const [name, label, facts, expected] of rows) {
  test(`${name}: ${label}`, () => {
    const check = checkNamed(name) as Check<unknown>;
    const ctx = ctxFor(undefined);
    const failures = check.applies(facts, ctx) ? check.run(facts, ctx) : [];
    assert.equal(failures.length, expected.length, failures.map((f) => f.message).join('\n'));
    failures.forEach((f, i) => {
      assert.equal(f.check, name);
      assert.equal(f.title, check.title);
      assert.equal(f.operation, (facts as any).operation);
      assert.match(f.facts, expected[i]);
    });
  });
}
