/** Compat rule cases: anyOf / oneOf alternatives. */
import { accepts, obj, responds, str } from '../fixtures.js';
import { R200, REQ, type RuleRow } from './ruleRow.js';

export const ALTERNATIVE_ROWS: RuleRow[] = [
  // anyOf / oneOf alternatives: paired by $ref name or canonical JSON.
  {
    rule: 'request-alternatives-narrowed',
    title: 'an encoding branch removed',
    old: accepts({ ...obj({ raw: str(), b64: str() }), anyOf: [{ required: ['raw'] }, { required: ['b64'] }] }),
    new: accepts({ ...obj({ raw: str(), b64: str() }), anyOf: [{ required: ['raw'] }] }),
    expect: [['breaking', REQ]],
    says: 'anyOf alternative {"required":["b64"]} removed',
  },
  {
    rule: 'request-alternatives-narrowed',
    title: 'alternatives appear, and anyOf turns oneOf',
    old: accepts(obj({ a: str(), b: { anyOf: [str(), { type: 'integer' }] } })),
    new: accepts(obj({ a: { anyOf: [str()] }, b: { oneOf: [{ type: 'integer' }, str()] } })),
    expect: [
      ['breaking', `${REQ}/properties/a`],
      ['breaking', `${REQ}/properties/b`],
    ],
    says: 'a must now match one of 1 anyOf alternatives',
  },
  {
    rule: 'request-alternatives-narrowed',
    title: 'same branches in another order and key order, or a branch added, is fine',
    old: accepts({ anyOf: [{ required: ['x'], type: 'object' }, { $ref: '#/components/schemas/B' }] }, { B: obj({}) }),
    new: accepts(
      { anyOf: [{ $ref: '#/components/schemas/B' }, { type: 'object', required: ['x'] }, { required: ['y'] }] },
      { B: obj({}) },
    ),
    expect: [],
  },
  {
    rule: 'response-alternatives-widened',
    title: 'a $ref branch added, and alternatives dropped',
    old: responds(obj({ v: { oneOf: [{ $ref: '#/components/schemas/A' }] }, w: { anyOf: [str()] } }), {
      A: obj({}),
      B: obj({}),
    }),
    new: responds(
      obj({ v: { oneOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }] }, w: str() }),
      { A: obj({}), B: obj({}) },
    ),
    expect: [
      ['warning', `${R200}/properties/v`],
      ['warning', `${R200}/properties/w`],
    ],
    says: 'v oneOf alternative B added',
  },
  {
    rule: 'response-alternatives-widened',
    title: 'a branch removed is fine for readers',
    old: responds({ anyOf: [str(), { type: 'integer' }] }),
    new: responds({ anyOf: [str()] }),
    expect: [],
  },
];
