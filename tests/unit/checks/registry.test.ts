/** The check registry: unique names, fixed titles that read as one clause, and every planted fault has its check. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checks, checksOfKind, checkNamed, registerCheck, type CheckName } from '../../../src/checks/registry.js';
import { defineCheck } from '../../../src/checks/define.js';
import { HarnessError } from '../../../src/core/errors.js';
import { listFaults } from '../../../emulator/index.js';

test('the checks the contract suite promises are registered, with their kinds', () => {
  const exchange = [
    'target_responded',
    'not_a_server_error',
    'status_code_conformance',
    'content_type_conformance',
    'body_matches_headers',
    'response_schema_conformance',
    'request_accepted_as_documented',
    'negative_data_rejection',
    'listing_consistent',
  ];
  const scenario = [
    'use_after_delete',
    'ensure_resource_availability',
    'update_persisted',
    'no_state_change_on_rejection',
    'content_round_trip',
    'search_finds_created',
    'relevance_sorted',
    'model_state_machine',
    'session_lifecycle',
    'conversation_messages_recorded',
    'references_consistent',
    'search_reflects_writes',
    'update_invariants',
    'no_collateral_damage',
  ] as const;
  assert.deepEqual(
    checksOfKind('exchange').map((c) => c.name),
    exchange,
  );
  for (const name of scenario) assert.equal(checkNamed(name).kind, 'scenario', name);
});

test('every check has a snake_case name, a one-clause title (no full stop) and a description', () => {
  for (const c of checks.all()) {
    assert.match(c.name, /^[a-z][a-z0-9_]*$/, c.name);
    assert.ok(c.title.length > 0 && !c.title.includes('.'), `${c.name}: "${c.title}"`);
    assert.ok(c.description.length > 10, c.name);
  }
});

test('registering a name twice is refused', () => {
  const again = defineCheck({
    name: 'not_a_server_error',
    title: 'x',
    kind: 'exchange',
    severity: 'low',
    basis: 'contract',
    description: 'duplicate',
    run: () => [],
  });
  assert.throws(
    () => registerCheck(again),
    (e: unknown) => e instanceof HarnessError && /already registered/.test(e.message),
  );
});

test('an unknown check name is a usage error listing the known ones', () => {
  assert.throws(
    // A name from outside the code (a flag, a file) is only known at run time.
    () => checkNamed('no_such_check' as CheckName),
    (e: unknown) => e instanceof HarnessError && e.code === 'usage' && /known: .*not_a_server_error/.test(e.hint ?? ''),
  );
});

test("every emulator fault's expected check is a registered check", () => {
  const missing = listFaults()
    .filter((f) => !checks.get(f.expectedCheck))
    .map((f) => `${f.name} → ${f.expectedCheck}`);
  assert.deepEqual(missing, []);
});

test('every check can fail: each is the expected check of at least one emulator fault switch', () => {
  const proven = new Set(listFaults().map((f) => f.expectedCheck));
  assert.deepEqual(
    checks
      .all()
      .map((c) => c.name)
      .filter((name) => !proven.has(name)),
    [],
  );
});
