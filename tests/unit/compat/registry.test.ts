import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BUILTIN_RULES, defaultRegistry, RuleRegistry } from '../../../src/compat/registry.js';
import { defineRule } from '../../../src/compat/rule.js';

describe('compat rule registry', () => {
  const cases: Array<{ title: string; run: () => void; throws?: RegExp }> = [
    {
      title: 'refuses a duplicate name',
      run: () => new RuleRegistry().register(BUILTIN_RULES[0]).register(BUILTIN_RULES[0]),
      throws: /already registered/,
    },
    {
      title: 'refuses a different rule under a taken name',
      run: () => new RuleRegistry().register(defineRule('x', 's', () => [])).register(defineRule('x', 't', () => [])),
      throws: /"x" is already registered/,
    },
    {
      title: 'names the known rules when asked for an unknown one',
      run: () => defaultRegistry().get('nope'),
      throws: /known: operation-removed/,
    },
    { title: 'accepts every built-in rule once', run: () => defaultRegistry() },
  ];
  for (const c of cases) {
    test(c.title, () => (c.throws ? assert.throws(c.run, c.throws) : assert.doesNotThrow(c.run)));
  }

  test('keeps registration order and kebab-case names with a summary', () => {
    const names = defaultRegistry()
      .all()
      .map((r) => r.name);
    assert.deepEqual(
      names,
      BUILTIN_RULES.map((r) => r.name),
    );
    for (const r of BUILTIN_RULES) {
      assert.match(r.name, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(r.summary.length > 10, r.name);
    }
  });
});
