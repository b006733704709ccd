/** Body shapes and their comparison, stream sequences, and comparing two runs of the scenario. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bodyShape,
  collapseSequence,
  compareRuns,
  compareShapes,
  mergeShapes,
  shapeOf,
  type ScenarioRecord,
  type StepRecord,
} from '../../../src/drift/index.js';

// value → shape
const shapes: Array<[string, unknown, Record<string, string>]> = [
  [
    'scalars',
    { id: 'a', n: 1.5, ok: true, none: null },
    { '(body)': 'object', id: 'string', n: 'number', none: 'null', ok: 'boolean' },
  ],
  // values never matter: two different ids and texts give one shape
  [
    'array items merged, lengths ignored',
    {
      iterable: [
        { id: 'x', text: 'hello' },
        { id: 'y', text: 'bye' },
      ],
    },
    {
      '(body)': 'object',
      iterable: 'array',
      'iterable[]': 'object',
      'iterable[].id': 'string',
      'iterable[].text': 'string',
    },
  ],
  [
    'an optional field null in one item',
    { xs: [{ v: 'a' }, { v: null }] },
    { '(body)': 'object', xs: 'array', 'xs[]': 'object', 'xs[].v': 'null|string' },
  ],
  ['an empty array is marked', { xs: [] }, { '(body)': 'object', xs: 'array(empty)' }],
  [
    'uuid map keys become {id}',
    { indices: { '8d3f1f6e-2c2b-4b7a-9a4c-1f2e3d4c5b6a': 0 } },
    { '(body)': 'object', indices: 'object', 'indices.{id}': 'number' },
  ],
  ['a bare string', 'ok', { '(body)': 'string' }],
];
for (const [name, value, expected] of shapes) {
  test(`shapeOf: ${name}`, () => assert.deepEqual(shapeOf(value), expected));
}

test('bodyShape: JSON by shape, text as text, nothing as empty', () => {
  assert.deepEqual(bodyShape('{"a":1}', 'application/json'), { '(body)': 'object', a: 'number' });
  assert.deepEqual(bodyShape('ok', 'text/plain'), { '(body)': 'text' });
  assert.deepEqual(bodyShape('', undefined), { '(body)': 'empty' });
  assert.deepEqual(bodyShape('{oops', 'application/json'), { '(body)': 'text (invalid JSON)' });
});

// reference value, target value → differences (path, reference, target)
const diffs: Array<[string, unknown, unknown, Array<[string, string | undefined, string | undefined]>]> = [
  [
    'same shape, other values: no difference',
    { id: 'a', created: { value: '2024-01-01' } },
    { id: 'b', created: { value: '2025-02-02' } },
    [],
  ],
  ['a type change', { id: 'a' }, { id: 7 }, [['id', 'string', 'number']]],
  ['a key only the target has', { a: 1 }, { a: 1, extra: { deep: true } }, [['extra', undefined, 'object']]],
  [
    'a key only the reference has, with its subtree as one difference',
    { a: 1, gone: { x: 1, y: [1] } },
    { a: 1 },
    [['gone', 'object', undefined]],
  ],
  ['items of an array one side saw empty are not compared', { xs: [{ id: 'a' }] }, { xs: [] }, []],
  ['null where the reference had a string', { name: 'n' }, { name: null }, [['name', 'string', 'null']]],
];
for (const [name, a, b, expected] of diffs) {
  test(`compareShapes: ${name}`, () => {
    assert.deepEqual(
      compareShapes(shapeOf(a), shapeOf(b)).map((d) => [d.path, d.reference, d.target]),
      expected,
    );
  });
}

test('mergeShapes: an array non-empty in one frame is an array', () => {
  assert.deepEqual(mergeShapes(shapeOf({ xs: [] }), shapeOf({ xs: [1] })), {
    '(body)': 'object',
    xs: 'array',
    'xs[]': 'number',
  });
});

// statuses → collapsed sequence
const sequences: Array<[string[], string]> = [
  [['INITIALIZED', 'IN-PROGRESS', 'IN-PROGRESS', 'IN-PROGRESS', 'COMPLETED'], 'INITIALIZED IN-PROGRESS+ COMPLETED'],
  [['INITIALIZED', 'IN-PROGRESS', 'COMPLETED'], 'INITIALIZED IN-PROGRESS COMPLETED'],
  [['FAILED'], 'FAILED'],
  [[], '(no frame)'],
];
for (const [statuses, expected] of sequences) {
  test(`collapseSequence: ${statuses.join(' ') || 'nothing'} → ${expected}`, () =>
    assert.equal(collapseSequence(statuses), expected));
}

const step = (operationId: string, status: number, body: unknown, media = 'application/json'): StepRecord => ({
  step: operationId,
  operationId,
  status,
  media,
  shape: typeof body === 'string' ? bodyShape(body, media) : shapeOf(body),
});
const run = (steps: StepRecord[], sequence = 'INITIALIZED IN-PROGRESS+ COMPLETED'): ScenarioRecord => ({
  baseUrl: 'http://x',
  steps,
  stream: {
    step: 'streamed question',
    operationId: 'qgptStream',
    statuses: [],
    sequence,
    frameShape: shapeOf({ conversation: 'c', status: 'S' }),
  },
});

test('compareRuns: a different status hides the body difference; media and stream sequence are compared', () => {
  const a = run([
    step('getAsset', 200, { id: 'a' }),
    step('getWellKnownHealth', 200, 'ok', 'text/plain'),
    step('createAsset', 200, { id: 'x' }),
  ]);
  const b = run(
    [
      step('getAsset', 410, 'gone', 'text/plain'),
      step('getWellKnownHealth', 200, { status: 'ok' }),
      step('createAsset', 200, { id: 1 }),
    ],
    'INITIALIZED IN-PROGRESS+',
  );
  assert.deepEqual(
    compareRuns(a, b).map((d) => [d.operationId, d.what, d.reference, d.target]),
    [
      ['getAsset', 'status', '200', '410'],
      ['getWellKnownHealth', 'media type', 'text/plain', 'application/json'],
      ['getWellKnownHealth', 'body (body)', 'text', 'object'],
      ['getWellKnownHealth', 'body status', '(absent)', 'string'],
      ['createAsset', 'body id', 'string', 'number'],
      ['qgptStream', 'stream sequence', 'INITIALIZED IN-PROGRESS+ COMPLETED', 'INITIALIZED IN-PROGRESS+'],
    ],
  );
  assert.deepEqual(compareRuns(a, a), []);
});
