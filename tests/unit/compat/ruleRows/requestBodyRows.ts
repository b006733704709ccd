/** Compat rule cases: request bodies. */
import { accepts, obj, str } from '../fixtures.js';
import { REQ, type RuleRow } from './ruleRow.js';

export const REQUEST_BODY_ROWS: RuleRow[] = [
  // Request bodies.
  {
    rule: 'request-body-newly-required',
    title: 'optional body becomes required',
    old: accepts(obj({}), {}, false),
    new: accepts(obj({})),
    expect: [['breaking', '/requestBody/required']],
  },
  {
    rule: 'request-body-newly-required',
    title: 'required body stays required',
    old: accepts(obj({})),
    new: accepts(obj({})),
    expect: [],
  },
  {
    rule: 'request-property-newly-required',
    title: 'optional property becomes required',
    old: accepts(obj({ a: str() })),
    new: accepts(obj({ a: str() }, ['a'])),
    expect: [['breaking', `${REQ}/properties/a`]],
    says: 'property a is now required',
  },
  {
    rule: 'request-property-newly-required',
    title: 'new required property in a nested object',
    old: accepts(obj({ o: obj({}) })),
    new: accepts(obj({ o: obj({ b: str() }, ['b']) })),
    expect: [['breaking', `${REQ}/properties/o/properties/b`]],
    says: 'new required property o.b',
  },
  {
    rule: 'request-property-type-changed',
    title: 'string becomes integer',
    old: accepts(obj({ a: str() })),
    new: accepts(obj({ a: { type: 'integer' } })),
    expect: [['breaking', `${REQ}/properties/a/type`]],
  },
  {
    rule: 'request-property-type-changed',
    title: 'integer widened to number',
    old: accepts(obj({ a: { type: 'integer' } })),
    new: accepts(obj({ a: { type: 'number' } })),
    expect: [['non-breaking', `${REQ}/properties/a/type`]],
  },
  {
    rule: 'request-enum-narrowed',
    title: 'enum loses a value',
    old: accepts(obj({ a: str(['A', 'B']) })),
    new: accepts(obj({ a: str(['A']) })),
    expect: [['breaking', `${REQ}/properties/a/enum`]],
    says: 'lost "B"',
  },
  {
    rule: 'request-enum-narrowed',
    title: 'free string becomes an enum',
    old: accepts(obj({ a: str() })),
    new: accepts(obj({ a: str(['A']) })),
    expect: [['breaking', `${REQ}/properties/a/enum`]],
  },
  {
    rule: 'request-enum-narrowed',
    title: 'enum widened is fine',
    old: accepts(obj({ a: str(['A']) })),
    new: accepts(obj({ a: str(['A', 'B']) })),
    expect: [],
  },
  {
    rule: 'request-property-no-longer-nullable',
    title: 'nullable dropped',
    old: accepts(obj({ a: { type: 'string', nullable: true } })),
    new: accepts(obj({ a: str() })),
    expect: [['breaking', `${REQ}/properties/a/nullable`]],
  },
  {
    rule: 'request-property-removed',
    title: 'property dropped, extra properties allowed',
    old: accepts(obj({ a: str(), b: str() })),
    new: accepts(obj({ a: str() })),
    expect: [['warning', `${REQ}/properties/b`]],
  },
  {
    rule: 'request-property-removed',
    title: 'property dropped, extra properties rejected',
    old: accepts(obj({ b: str() })),
    new: accepts({ ...obj({}), additionalProperties: false }),
    expect: [['breaking', `${REQ}/properties/b`]],
  },
  {
    rule: 'request-property-added',
    title: 'optional property added',
    old: accepts(obj({})),
    new: accepts(obj({ a: str() })),
    expect: [['non-breaking', `${REQ}/properties/a`]],
  },
  {
    rule: 'request-property-added',
    title: 'required addition belongs to another rule',
    old: accepts(obj({})),
    new: accepts(obj({ a: str() }, ['a'])),
    expect: [],
  },
];
