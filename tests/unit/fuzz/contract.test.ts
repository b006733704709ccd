/**
 * The converter's own property over the whole contract: for every component schema, every request
 * body and every 200 response, 100 generated values all validate against Ajv built from the same schema.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { schemaArbitrary } from '../../../src/fuzz/index.js';
import { contractSchemas, loadSpec, validatorFor } from './helpers.js';

const api = await loadSpec();
const targets = contractSchemas(api);

describe('every contract schema: 100 generated values validate', () => {
  test('the contract has the schemas this test expects', () => {
    assert.ok(targets.filter((t) => t.name.startsWith('#/components')).length >= 90);
    assert.ok(targets.some((t) => t.name.startsWith('createAsset request')));
  });
  for (const { name, schema, direction } of targets) {
    test(name, () => {
      const validate = validatorFor(schema);
      const arb = schemaArbitrary(schema, { direction, location: name });
      fc.assert(
        fc.property(arb, (value) => {
          if (!validate(value)) throw new Error(`invalid: ${JSON.stringify(validate.errors)}`);
        }),
        { numRuns: 100 },
      );
    });
  }
});

describe('the contract with extra properties and a deeper maxDepth still validates', () => {
  for (const name of ['Seed', 'Asset', 'QGPTQuestionInput', 'SeededConversation', 'ReturnedUserProfile']) {
    test(name, () => {
      const schema = api.components.schemas[name];
      const validate = validatorFor(schema);
      const arb = schemaArbitrary(schema, { extraProperties: true, maxDepth: 6, maxArrayLength: 2 });
      fc.assert(
        fc.property(arb, (value) => validate(value)),
        { numRuns: 30 },
      );
    });
  }
});

describe('shrinking a contract value', () => {
  test('a failing property on Seed shrinks to the required skeleton and the culprit', () => {
    const arb = schemaArbitrary(api.components.schemas.Seed, { direction: 'request' });
    const out = fc.check(
      fc.property(arb, (seed: any) => !([...(seed.asset.metadata?.name ?? '')].length >= 3)),
      { seed: 21 },
    );
    assert.ok(out.failed);
    const shrunk: any = out.counterexample![0];
    assert.equal([...shrunk.asset.metadata.name].length, 3);
    assert.deepEqual(Object.keys(shrunk), ['asset'], 'optional root keys shrank away');
    assert.deepEqual(Object.keys(shrunk.asset.metadata), ['name']);
    assert.ok(JSON.stringify(shrunk).length < 400, JSON.stringify(shrunk));
  });
});
