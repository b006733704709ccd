/**
 * The one judge is typed by the registry: every check's name maps to its subject type (facts,
 * stream subject or Exchange), derived from the check modules. The `@ts-expect-error` lines are the
 * type-level tests: `npm run typecheck` fails if any of them compiles.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ScenarioRecorder } from '../../../src/checks/recorder.js';
import { checks, checkNamed, type CheckName, type CheckSubjects } from '../../../src/checks/registry.js';
import type { ProgressSubject } from '../../../src/stream/types.js';
import { exchange, strict } from './helpers.js';

/** A key per check name: the compiler refuses a missing or unknown one, so the map and this list agree. */
const EVERY_NAME: Record<CheckName, true> = {
  target_responded: true,
  not_a_server_error: true,
  status_code_conformance: true,
  content_type_conformance: true,
  body_matches_headers: true,
  response_schema_conformance: true,
  request_accepted_as_documented: true,
  negative_data_rejection: true,
  listing_consistent: true,
  use_after_delete: true,
  ensure_resource_availability: true,
  update_persisted: true,
  no_state_change_on_rejection: true,
  content_round_trip: true,
  search_finds_created: true,
  relevance_sorted: true,
  model_state_machine: true,
  session_lifecycle: true,
  conversation_messages_recorded: true,
  references_consistent: true,
  search_reflects_writes: true,
  update_invariants: true,
  no_collateral_damage: true,
  query_flags_honoured: true,
  stream_frame_schema: true,
  stream_grammar: true,
  stream_request_echoed: true,
  stream_conversation_present: true,
  stream_no_crosstalk: true,
  stream_chunk_order: true,
  stream_request_accepted: true,
  stream_in_band_error: true,
  stream_timing_budget: true,
  download_progress_monotonic: true,
  download_progress_terminal: true,
  host_allowlist_rest: true,
  host_allowlist_websocket: true,
  cross_site_websocket_hijacking: true,
  cors_foreign_origin: true,
};

test('the typed map names exactly the registered checks', () => {
  assert.deepEqual(
    Object.keys(EVERY_NAME).sort(),
    checks
      .all()
      .map((c) => c.name)
      .sort(),
  );
});

test('judge(name, facts) takes the facts type of that check; anything else does not compile', () => {
  const rec = new ScenarioRecorder({ validators: strict });
  const read = exchange({ op: 'getAsset', status: 410, contentType: 'text/plain', body: 'gone' });
  assert.deepEqual(
    rec.judge('use_after_delete', { operation: 'deleteAsset', id: 'a', deletedBy: 'deleteAsset', read }),
    [],
  );

  if (Date.now() < 0) {
    // Never run: what the compiler must refuse.
    // @ts-expect-error a required fact is missing (deletedBy)
    rec.judge('use_after_delete', { operation: 'deleteAsset', id: 'a' });
    // @ts-expect-error a fact of the wrong type
    rec.judge('use_after_delete', { operation: 'deleteAsset', id: 7, deletedBy: 'deleteAsset' });
    // @ts-expect-error a fact the check does not know
    rec.judge('use_after_delete', { operation: 'deleteAsset', id: 'a', deletedBy: 'deleteAsset', gone: true });
    // @ts-expect-error another check's facts
    rec.judge('model_state_machine', { operation: 'deleteAsset', id: 'a', deletedBy: 'deleteAsset' });
    // @ts-expect-error an unknown check
    rec.judge('use_after_free', { operation: 'deleteAsset', id: 'a', deletedBy: 'deleteAsset' });
    // @ts-expect-error exchange checks run on every exchange, never by hand
    rec.judge('status_code_conformance', read);
    // @ts-expect-error a stream check gets its own subject: a download watch is not a /qgpt/stream answer
    rec.judge('stream_chunk_order', { channel: 'modelDownloadProgress', watch: {} } as ProgressSubject);
    // @ts-expect-error an exchange check's subject is an Exchange
    checkNamed('status_code_conformance').run({ operation: 'x' }, { validators: strict });
  }
});

test('checkNamed answers the check with its subject type', () => {
  const check = checkNamed('status_code_conformance');
  const subject: CheckSubjects['status_code_conformance'] = exchange({ op: 'getAsset', body: {} });
  assert.equal(check.name, 'status_code_conformance');
  assert.equal(check.applies(subject, { validators: strict }), false, 'no operation: not applicable');
});
