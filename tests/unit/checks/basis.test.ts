import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { checks, defineCheck } from '../../../src/checks/index.js';
import {
  allExpectations,
  assumptionMode,
  expectationOf,
  relabel,
  splitByAssumptions,
} from '../../../src/checks/basis.js';
import { ScenarioRecorder } from '../../../src/checks/recorder.js';
import { ContractFailure, HarnessError } from '../../../src/core/errors.js';
import { unpointerToken } from '../../../src/core/pointer.js';

/** Every claim (checks and named expectations) with a label for messages. */
const claims = [
  ...checks.all().map((c) => ({ label: c.name, basis: c.basis, why: c.why, evidence: c.evidence })),
  ...allExpectations().map((e) => ({ label: e.id, basis: e.basis, why: e.why, evidence: e.evidence })),
];

test('every check and every named expectation says how sure it is, and why when it is not the contract', () => {
  for (const c of claims) {
    assert.ok(['contract', 'upstream', 'assumed'].includes(c.basis), `${c.label}: ${c.basis}`);
    if (c.basis !== 'contract') assert.ok((c.why ?? '').length > 20, `${c.label} says why`);
    if (c.basis === 'upstream') assert.ok((c.evidence ?? []).length > 0, `${c.label} names its upstream evidence`);
  }
});

test('evidence in this repository exists and its JSON pointer resolves', () => {
  const docs = new Map<string, unknown>();
  for (const c of claims) {
    for (const e of c.evidence ?? []) {
      if (!/^(spec|tests)\//.test(e)) continue;
      const [file, pointer] = e.split('#') as [string, string | undefined];
      assert.ok(existsSync(file), `${c.label}: ${file} exists`);
      if (!pointer) continue;
      if (!docs.has(file)) docs.set(file, parse(readFileSync(file, 'utf8')));
      let node: any = docs.get(file);
      for (const t of pointer.split('/').slice(1).map(unpointerToken)) node = node?.[t];
      assert.ok(node !== undefined, `${c.label}: ${e} resolves`);
    }
  }
});

test('every named expectation belongs to a registered check', () => {
  const names = new Set(checks.all().map((c) => c.name));
  for (const e of allExpectations()) assert.ok(names.has(e.check), `${e.id}: ${e.check}`);
});

test("a failure carries its check's basis, or the named expectation's", () => {
  const check = defineCheck({
    name: 'basis_probe',
    title: 'Probe',
    kind: 'scenario',
    severity: 'low',
    basis: 'upstream',
    why: 'a probe for the basis of failures',
    evidence: ['spec/versions/index.yaml'],
    description: 'A check used by this test only.',
    run: (f: { named: boolean }, _ctx, fail) => [
      fail('op', 'facts', undefined, f.named ? 'session-close-twice-409' : undefined),
    ],
  });
  const ctx = { validators: undefined as never };
  assert.equal(check.run({ named: false }, ctx)[0]!.basis, 'upstream');
  const named = check.run({ named: true }, ctx)[0]!;
  assert.equal(named.basis, 'assumed');
  assert.equal(named.expectation, 'session-close-twice-409');
});

test('relabel holds a failure to a named expectation; an exchange naming an unknown one is a usage error', () => {
  const f = new ContractFailure('no_state_change_on_rejection', 'T', 'createAsset', 'x', 'high');
  assert.equal(f.basis, 'contract');
  const r = relabel(f, 'oversized-body-refused');
  assert.equal(r.basis, 'assumed');
  assert.equal(r.key, f.key);
  assert.equal(expectationOf({}), undefined);
  assert.equal(expectationOf({ expectation: 'unknown-id-gone' }), 'unknown-id-gone');
  assert.throws(
    () => expectationOf({ expectation: 'nope' }),
    (e: unknown) => e instanceof HarnessError && /unknown expectation "nope"/.test(e.message),
  );
});

test('assumptions: enforce on the embedded emulator, warn elsewhere; warn turns only assumed failures into warnings', () => {
  assert.equal(assumptionMode('emulator'), 'enforce');
  assert.equal(assumptionMode('live'), 'warn');
  assert.equal(assumptionMode('live', 'enforce'), 'enforce');
  const contract = new ContractFailure('status_code_conformance', 'T', 'getAsset', 'x', 'high');
  const assumed = relabel(
    new ContractFailure('session_lifecycle', 'T', 'close', 'y', 'high'),
    'session-close-twice-409',
  );
  assert.deepEqual(splitByAssumptions([contract, assumed], 'enforce'), { failures: [contract, assumed], warnings: [] });
  assert.deepEqual(splitByAssumptions([contract, assumed], 'warn'), { failures: [contract], warnings: [assumed] });
});

test('the recorder drops failures on operations outside the contract that judges', () => {
  const rec = new ScenarioRecorder({ validators: undefined as never, outOfContract: (op) => op === 'connect' });
  rec.add([
    new ContractFailure('x', 'T', 'connect', 'a', 'high'),
    new ContractFailure('x', 'T', 'getAsset', 'b', 'high'),
  ]);
  assert.deepEqual(
    rec.failures.map((f) => f.operation),
    ['getAsset'],
  );
});
