/** Every compat rule against its cases (tests/unit/compat/ruleRows/, one file per area of the contract). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultRegistry } from '../../../src/compat/registry.js';
import { viewOf } from '../../../src/compat/view.js';
import { OPERATION_ROWS } from './ruleRows/operationRows.js';
import { STATUS_MEDIA_ROWS } from './ruleRows/statusMediaRows.js';
import { PARAMETER_ROWS } from './ruleRows/parameterRows.js';
import { REQUEST_BODY_ROWS } from './ruleRows/requestBodyRows.js';
import { RESPONSE_BODY_ROWS } from './ruleRows/responseBodyRows.js';
import { CONSTRAINT_ROWS } from './ruleRows/constraintRows.js';
import { ALTERNATIVE_ROWS } from './ruleRows/alternativeRows.js';
import { REF_ROWS } from './ruleRows/refRows.js';
import type { RuleRow } from './ruleRows/ruleRow.js';

const rows: RuleRow[] = [
  ...OPERATION_ROWS,
  ...STATUS_MEDIA_ROWS,
  ...PARAMETER_ROWS,
  ...REQUEST_BODY_ROWS,
  ...RESPONSE_BODY_ROWS,
  ...CONSTRAINT_ROWS,
  ...ALTERNATIVE_ROWS,
  ...REF_ROWS,
];

describe('compat rules (one row per case)', () => {
  const registry = defaultRegistry();
  for (const row of rows) {
    test(`${row.rule}: ${row.title}`, () => {
      const changes = registry.get(row.rule).check(viewOf(row.old), viewOf(row.new));
      assert.deepEqual(
        changes.map((c) => [c.severity, c.location]),
        row.expect,
      );
      for (const c of changes) assert.equal(c.rule, row.rule);
      if (row.says) assert.match(changes[0].message, new RegExp(row.says.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    });
  }

  test('every registered rule has at least one positive row', () => {
    const covered = new Set(rows.filter((r) => r.expect.length > 0).map((r) => r.rule));
    assert.deepEqual(
      registry
        .all()
        .map((r) => r.name)
        .filter((n) => !covered.has(n)),
      [],
    );
  });
});
