/** Body helpers: valid against the contract's request schemas, realistic inside, taken from the spec passed in. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc, { type Arbitrary } from 'fast-check';
import {
  componentSchema,
  requestBodyArbitrary,
  requestBodySchema,
  responseSchema,
  SEARCH_METACHARACTERS,
  validApplication,
  validConnectorConnection,
  validQuestionInput,
  validRelevanceInput,
  validRepromptInput,
  validSearchInput,
  validSeed,
  validSeededConversation,
} from '../../../src/fuzz/index.js';
import { HarnessError } from '../../../src/core/errors.js';
import { contractSchemas, loadSpec, validatorFor } from './helpers.js';

const spec = await loadSpec();
const exts: string[] = spec.components.schemas.ClassificationSpecificEnum.enum;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SEMVER = /^\d+\.\d+\.\d+(-[\w.]+)?$/;

/** Samples that all validate against the component schema and the operation's request body schema. */
function validSample<T>(arb: Arbitrary<T>, component: string, operationId?: string, numRuns = 100): T[] {
  const checks = [validatorFor(componentSchema(spec, component))];
  if (operationId) checks.push(validatorFor(requestBodySchema(spec, operationId)));
  const sample = fc.sample(arb, { numRuns, seed: 13 });
  for (const v of sample)
    for (const validate of checks)
      assert.ok(validate(v), `${JSON.stringify(v).slice(0, 400)}: ${JSON.stringify(validate.errors)}`);
  return sample;
}

describe('validSeed', () => {
  const seeds = validSample(validSeed({ spec }), 'Seed', 'createAsset', 200);
  test('carries raw content with a contract ext', () => {
    for (const s of seeds) {
      const fragment = s.asset.format.fragment;
      assert.equal(typeof fragment.string.raw, 'string');
      assert.ok(fragment.string.raw.length > 0);
      if (fragment.metadata) assert.ok(exts.includes(fragment.metadata.ext));
    }
    const seen = new Set(seeds.map((s) => s.asset.format.fragment.metadata?.ext));
    assert.ok(seen.size > 15, `code snippets of many languages appear (${[...seen].join(', ')})`);
  });
  test('a realistic application and seed type; no pseudo flags', () => {
    for (const s of seeds) {
      assert.match(s.asset.application.id, UUID);
      assert.match(s.asset.application.version, SEMVER);
      assert.equal(s.type ?? 'SEEDED_ASSET', 'SEEDED_ASSET');
      assert.ok(!('pseudo' in s.asset) && !('discovered' in s.asset) && !('demo' in s.asset));
    }
  });
  test('metadata.name sometimes, not always', () => {
    assert.ok(seeds.some((s) => typeof s.asset.metadata?.name === 'string'));
    assert.ok(seeds.some((s) => s.asset.metadata?.name === undefined));
  });
  test('content, name and overrides can be plugged in', () => {
    const arb = validSeed({
      spec,
      content: fc.constant({ raw: 'zq0token', ext: 'ts' }),
      name: fc.constant('N'),
      overrides: { 'asset.metadata': fc.constant({ name: 'fixed' }) },
    });
    for (const s of validSample(arb, 'Seed', 'createAsset', 30)) {
      assert.equal(s.asset.format.fragment.string.raw, 'zq0token');
      assert.equal(s.asset.format.fragment.metadata.ext, 'ts');
      if (s.asset.metadata) assert.deepEqual(s.asset.metadata, { name: 'fixed' });
    }
  });
});

describe('other bodies', () => {
  test('Application', () => {
    for (const a of validSample(validApplication({ spec }), 'Application', 'registerApplication')) {
      assert.match(a.id as string, UUID);
      assert.match(a.version as string, SEMVER);
    }
  });
  test('QGPTRelevanceInput: a query, no references to things that must exist', () => {
    const sample = validSample(validRelevanceInput({ spec }), 'QGPTRelevanceInput', 'qgptRelevance');
    for (const r of sample) {
      assert.ok(r.query.length > 0);
      for (const k of ['paths', 'assets', 'application', 'model']) assert.ok(!(k in r), k);
      assert.ok(!r.options || !('question' in r.options));
    }
    assert.ok(sample.some((r) => r.seeds?.iterable?.length > 0));
  });
  test('QGPTQuestionInput: relevant seeds are valid seeds', () => {
    const seedValid = validatorFor(componentSchema(spec, 'Seed'));
    const sample = validSample(validQuestionInput({ spec }), 'QGPTQuestionInput', 'qgptQuestion');
    for (const q of sample) for (const r of q.relevant.iterable) assert.ok(seedValid(r.seed));
    assert.ok(sample.some((q) => q.relevant.iterable.length > 0));
  });
  test('QGPTRepromptInput: a prior conversation', () => {
    for (const r of validSample(validRepromptInput({ spec }), 'QGPTRepromptInput', 'qgptReprompt'))
      assert.ok(Array.isArray(r.conversation.iterable));
  });
  test('SeededConversation: copilot, messages with raw text', () => {
    const sample = validSample(validSeededConversation({ spec }), 'SeededConversation', 'createConversation');
    for (const c of sample) {
      assert.equal(c.type, 'COPILOT');
      assert.ok(!('model' in c));
      for (const m of c.messages ?? []) assert.equal(typeof m.fragment.string.raw, 'string');
    }
    assert.ok(sample.some((c) => c.messages?.length > 0));
  });
  test('AssetsSearchWithFiltersInput: the query is always set and full of metacharacters', () => {
    const sample = validSample(validSearchInput({ spec }), 'AssetsSearchWithFiltersInput', 'searchAssets');
    assert.ok(sample.every((s) => typeof s.query === 'string'));
    assert.ok(sample.some((s) => SEARCH_METACHARACTERS.some((m) => m.length > 1 && s.query.includes(m))));
  });
  test('SeededConnectorConnection', () => {
    for (const c of validSample(validConnectorConnection({ spec }), 'SeededConnectorConnection', 'connect'))
      assert.match(c.application.version, SEMVER);
  });
  test('requestBodyArbitrary: every operation with a JSON body', () => {
    const ops = contractSchemas(spec)
      .filter((t) => t.name.includes(' request application/json'))
      .map((t) => t.name.split(' ')[0]);
    assert.ok(ops.length >= 9);
    for (const id of ops) {
      const validate = validatorFor(requestBodySchema(spec, id));
      for (const v of fc.sample(requestBodyArbitrary(spec, id), 30)) assert.ok(validate(v), id);
    }
  });
});

describe('schemas come from the spec passed in', () => {
  test('a changed enum in the spec changes the bodies', () => {
    const changed = structuredClone(spec); // keeps shared (dereferenced) objects shared
    changed.components.schemas.ApplicationNameEnum.enum = ['VIM'];
    assert.equal(changed.components.schemas.Application.properties.name.enum[0], 'VIM');
    for (const a of fc.sample(validApplication({ spec: changed }), 30)) assert.equal(a.name, 'VIM');
  });
  test('missing schemas and operations are spec errors', () => {
    assert.throws(() => validSeed({ spec: { components: { schemas: {} } } }), HarnessError);
    assert.throws(() => requestBodySchema(spec, 'noSuchOperation'), /no operation with operationId noSuchOperation/);
    assert.throws(() => responseSchema(spec, 'deleteAsset'), /has no 200 application\/json response schema/);
  });
});
