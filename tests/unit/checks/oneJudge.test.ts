/**
 * One implementation of each rule: the proxy and the compatibility matrix's live verdicts judge an
 * exchange by running the registry's exchange checks (spied on here), so their findings are the
 * checks' own failures, title and facts, whatever the contract version.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { checkNamed } from '../../../src/checks/registry.js';
import { runExchangeChecks } from '../../../src/checks/run.js';
import { judgeExchange, prepareVersions } from '../../../src/compat/live/index.js';
import { ProxyMonitor } from '../../../src/proxy/monitor.js';
import { exchange, lenient, spec } from './helpers.js';

/** Spies on the registered check's `run` for the test; answers the spy. */
function spyOn(
  t: TestContext,
  name: 'status_code_conformance' | 'response_schema_conformance' | 'negative_data_rejection',
) {
  const check = checkNamed(name);
  return t.mock.method(check, 'run');
}

test('the proxy runs the registry exchange checks: its failures are theirs', (t) => {
  const status = spyOn(t, 'status_code_conformance');
  const schema = spyOn(t, 'response_schema_conformance');
  const monitor = new ProxyMonitor(lenient);
  const op = spec.operations.get('getAsset')!;
  const ex = exchange({ op: 'getAsset', status: 418, contentType: 'text/plain', body: 'teapot' });
  const verdict = monitor.judgeExchange(ex, op, '/asset/a')!;
  assert.equal(status.mock.callCount(), 1);
  assert.equal(schema.mock.callCount(), 0, 'an undocumented status has no schema to judge');
  const direct = runExchangeChecks(ex, { validators: lenient, operation: op });
  assert.deepEqual(
    verdict.failures.map((f) => f.message),
    direct.failures.map((f) => f.message),
  );
  assert.ok(verdict.failures.some((f) => f.check === 'status_code_conformance'));
});

test('the live verdicts run the registry exchange checks with the version operation and validators', async (t) => {
  const [version] = await prepareVersions([
    { id: 'refined', file: 'spec/pieces-os.openapi.yaml', doc: structuredClone(spec.document) as any },
  ]);
  const status = spyOn(t, 'status_code_conformance');
  const schema = spyOn(t, 'response_schema_conformance');
  const op = version.spec.operations.get('getAsset')!;

  const undocumented = exchange({ op: 'getAsset', status: 418, contentType: 'text/plain', body: 'teapot' });
  const r = judgeExchange(version.validators, op, undocumented);
  assert.equal(status.mock.callCount(), 1);
  const [failure] = status.mock.calls[0].result!;
  assert.deepEqual(r.problems, [`GET /asset/{asset}: ${failure.title}. ${failure.facts}`]);
  assert.equal(r.rank, 1);

  const badBody = exchange({ op: 'getAsset', body: { id: 7 } });
  const b = judgeExchange(version.validators, op, badBody);
  assert.equal(schema.mock.callCount(), 1);
  const [schemaFailure] = schema.mock.calls[0].result!;
  assert.equal(schemaFailure.check, 'response_schema_conformance');
  assert.deepEqual(b.problems, [`GET /asset/{asset}: ${schemaFailure.title}. ${schemaFailure.facts}`]);
  assert.equal(b.rank, 0);

  // Sent invalid on purpose: a refusal, judged by negative_data_rejection (a 4xx, never a 2xx or a
  // 5xx), never by this version's statuses or its body schema.
  const rejection = spyOn(t, 'negative_data_rejection');
  const refused = {
    ...exchange({ op: 'getAsset', status: 400, contentType: 'text/plain', body: 'bad id' }),
    intent: 'negative' as const,
  };
  assert.deepEqual(judgeExchange(version.validators, op, refused).problems, []);
  const accepted = { ...exchange({ op: 'getAsset', body: { id: 7 } }), intent: 'negative' as const };
  const [problem] = judgeExchange(version.validators, op, accepted).problems;
  const [rejectionFailure] = rejection.mock.calls[1].result!;
  assert.equal(problem, `GET /asset/{asset}: ${rejectionFailure.title}. ${rejectionFailure.facts}`);
  assert.equal(rejection.mock.callCount(), 2);
  assert.equal(schema.mock.callCount(), 1);
  assert.equal(status.mock.callCount(), 2);
});
