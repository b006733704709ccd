/** Compat rule cases: value constraints. */
import { accepts, obj, params, responds, str } from '../fixtures.js';
import { q, R200, REQ, type RuleRow } from './ruleRow.js';

export const CONSTRAINT_ROWS: RuleRow[] = [
  // Value constraints: stricter requests break senders, looser responses warn readers.
  {
    rule: 'request-constraint-tightened',
    title: 'maxLength lowered',
    old: accepts(obj({ a: { type: 'string', maxLength: 100 } })),
    new: accepts(obj({ a: { type: 'string', maxLength: 50 } })),
    expect: [['breaking', `${REQ}/properties/a/maxLength`]],
    says: 'a maxLength 100 -> 50',
  },
  {
    rule: 'request-constraint-tightened',
    title: 'minimum and pattern added, items made unique',
    old: accepts(obj({ n: { type: 'integer' }, s: str(), l: { type: 'array', items: str() } })),
    new: accepts(
      obj({
        n: { type: 'integer', minimum: 1 },
        s: { type: 'string', pattern: '^[a-z]+$' },
        l: { type: 'array', items: str(), uniqueItems: true },
      }),
    ),
    expect: [
      ['breaking', `${REQ}/properties/n/minimum`],
      ['breaking', `${REQ}/properties/s/pattern`],
      ['breaking', `${REQ}/properties/l/uniqueItems`],
    ],
    says: 'n minimum added: 1',
  },
  {
    rule: 'request-constraint-tightened',
    title: 'object closed, format added (a warning)',
    old: accepts(obj({ id: str() })),
    new: accepts({ ...obj({ id: { type: 'string', format: 'uuid' } }), additionalProperties: false }),
    expect: [
      ['breaking', `${REQ}/additionalProperties`],
      ['warning', `${REQ}/properties/id/format`],
    ],
    says: 'no longer allows additional properties',
  },
  {
    rule: 'request-constraint-tightened',
    title: 'bound made exclusive, multipleOf 2 -> 4',
    old: accepts(obj({ n: { type: 'number', maximum: 10, multipleOf: 2 } })),
    new: accepts(obj({ n: { type: 'number', maximum: 10, exclusiveMaximum: true, multipleOf: 4 } })),
    expect: [
      ['breaking', `${REQ}/properties/n/exclusiveMaximum`],
      ['breaking', `${REQ}/properties/n/multipleOf`],
    ],
    says: 'maximum 10 became exclusive',
  },
  {
    rule: 'request-constraint-tightened',
    title: 'a query parameter gets a maximum',
    old: params(q('limit', { schema: { type: 'integer' } })),
    new: params(q('limit', { schema: { type: 'integer', maximum: 100 } })),
    expect: [['breaking', '/parameters/query/limit/schema/maximum']],
    says: 'query parameter limit maximum added: 100',
  },
  {
    rule: 'request-constraint-tightened',
    title: 'looser requests are fine (bounds relaxed, pattern and minLength 0 dropped)',
    old: accepts(
      obj({ a: { type: 'string', maxLength: 5, minLength: 2, pattern: 'x' }, l: { type: 'array', items: str() } }),
    ),
    new: accepts(
      obj({ a: { type: 'string', maxLength: 9, minLength: 0 }, l: { type: 'array', items: str(), minItems: 0 } }),
    ),
    expect: [],
  },
  {
    rule: 'request-constraint-tightened',
    title: 'multipleOf 4 -> 2 accepts more',
    old: accepts(obj({ n: { type: 'integer', multipleOf: 4 } })),
    new: accepts(obj({ n: { type: 'integer', multipleOf: 2 } })),
    expect: [],
  },
  {
    rule: 'response-constraint-loosened',
    title: 'maxLength raised, pattern dropped',
    old: responds(obj({ s: { type: 'string', maxLength: 64, pattern: '^[0-9a-f]+$' } })),
    new: responds(obj({ s: { type: 'string', maxLength: 256 } })),
    expect: [
      ['warning', `${R200}/properties/s/maxLength`],
      ['warning', `${R200}/properties/s/pattern`],
    ],
    says: 's maxLength 64 -> 256',
  },
  {
    rule: 'response-constraint-loosened',
    title: 'minimum removed',
    old: responds(obj({ n: { type: 'integer', minimum: 0 } })),
    new: responds(obj({ n: { type: 'integer' } })),
    expect: [['warning', `${R200}/properties/n/minimum`]],
    says: 'n minimum removed (was 0)',
  },
  {
    rule: 'response-constraint-loosened',
    title: 'stricter responses are fine for readers',
    old: responds(obj({ s: str() })),
    new: responds(obj({ s: { type: 'string', maxLength: 10, format: 'uuid' } })),
    expect: [],
  },
];
