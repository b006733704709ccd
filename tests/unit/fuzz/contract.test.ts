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
      fc.assert(fc.property(arb, (value) => {
        if (!validate(value)) throw new Error(`invalid: ${JSON.stringify(validate.errors)}`);
      }), { numRuns: 100 });
    });
  }
});

describe('the contract with extra properties and a deeper maxDepth still validates', () => {
  for (const name of ['Seed', 'Asset', 'QGPTQuestionInput', 'SeededConversation', 'UserSnapshot']) {
    test(name, () => {
      const schema = api.components.schemas[name];
      const validate = validatorFor(schema);
      const arb = schemaArbitrary(schema, { extraProperties: true, maxDepth: 6, maxArrayLength: 2 });
      fc.assert(fc.property(arb, (value) => validate(value)), { numRuns: 30 });
    });
  }
});
