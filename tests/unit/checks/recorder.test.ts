/** The scenario recorder: judges each exchange on arrival, collects failures once, reports verdicts for coverage. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progress } from '../stream/builders.js';
import { ScenarioRecorder } from '../../../src/checks/recorder.js';
import { failureLine } from '../../../src/checks/run.js';
import type { JudgedCheckName } from '../../../src/checks/registry.js';
import { HarnessError, type ContractFailure } from '../../../src/core/errors.js';
import { exchange, spec, strict } from './helpers.js';

test('records, judges, dedupes and reports every verdict', () => {
  const verdicts: Array<{ ran: string[]; failed: string[]; op?: string }> = [];
  const rec = new ScenarioRecorder({
    validators: strict,
    onVerdict: (v, ex) => verdicts.push({ ran: v.ran, failed: v.failures.map((f) => f.check), op: ex?.operationId }),
  });
  const bad = exchange({ op: 'getAsset', status: 404, contentType: 'text/plain', body: 'nope' });
  rec.record(bad, spec.operations.get('getAsset'));
  rec.record({ ...bad, id: 'again' }, spec.operations.get('getAsset'));
  rec.record(exchange({ op: 'getUser', body: {} }), spec.operations.get('getUser'));
  assert.equal(rec.exchanges.length, 3);
  // The same failure on two exchanges counts once (check + operation + facts).
  assert.deepEqual(
    rec.failures.map((f) => f.check),
    ['status_code_conformance', 'request_accepted_as_documented'],
  );
  assert.deepEqual(verdicts[2], {
    ran: [
      'target_responded',
      'not_a_server_error',
      'status_code_conformance',
      'content_type_conformance',
      'body_matches_headers',
      'response_schema_conformance',
      'request_accepted_as_documented',
    ],
    failed: [],
    op: 'getUser',
  });
  assert.deepEqual(
    rec.verdictOf(bad.id)?.failures.map((f) => f.check),
    ['status_code_conformance', 'request_accepted_as_documented'],
  );
});

test('judges scenario facts by check name; an exchange check cannot be judged by hand', () => {
  const rec = new ScenarioRecorder({ validators: strict });
  const failures = rec.judge('update_persisted', {
    operation: 'getAsset',
    id: 'a',
    updatedBy: 'updateAsset',
    field: 'name',
    sent: 'b',
    readBack: 'a',
  });
  assert.equal(failures.length, 1);
  assert.equal(
    failureLine(failures[0]),
    '✗ [update_persisted] updateAsset: Update not persisted. name of a: sent "b" with updateAsset / getAsset read back "a"',
  );
  // The types refuse it; an untyped caller is refused at run time.
  assert.throws(() => rec.judge('not_a_server_error' as JudgedCheckName, {} as never), HarnessError);
});

test('held judged failures go to the holder, not the verdict; exchange failures are never held', () => {
  const rec = new ScenarioRecorder({ validators: strict });
  const held: ContractFailure[] = [];
  rec.holdJudged(held);
  const stale = { operation: 'getAsset', id: 'a', updatedBy: 'updateAsset', field: 'name', sent: 'b', readBack: 'a' };
  assert.equal(rec.judge('update_persisted', stale).length, 1);
  rec.record(
    exchange({ op: 'getAsset', status: 418, contentType: 'text/plain', body: 'x' }),
    spec.operations.get('getAsset'),
  );
  assert.deepEqual(
    held.map((f) => f.check),
    ['update_persisted'],
  );
  assert.ok(!rec.failures.some((f) => f.check === 'update_persisted'));
  assert.ok(rec.failures.some((f) => f.check === 'status_code_conformance'));
  rec.holdJudged(undefined);
  rec.judge('update_persisted', stale);
  assert.ok(rec.failures.some((f) => f.check === 'update_persisted'));
});

test('judges stream subjects with every stream check and keeps their failures', () => {
  const rec = new ScenarioRecorder({ validators: strict });
  const [v] = rec.judgeStreams([
    progress([
      [1, 'IN-PROGRESS', 40],
      [3, 'IN-PROGRESS', 35],
      [5, 'COMPLETED', 100],
    ]),
  ]);
  assert.ok(v.checks.includes('download_progress_monotonic'));
  assert.deepEqual(
    rec.failures.map((f) => f.check),
    ['download_progress_monotonic'],
  );
});
