/** Compat rule cases: response bodies. */
import { obj, responds, str } from '../fixtures.js';
import { R200, type RuleRow } from './ruleRow.js';

export const RESPONSE_BODY_ROWS: RuleRow[] = [
  // Response bodies.
  {
    rule: 'response-property-removed',
    title: 'envelope replaces the bare list',
    old: responds(obj({ iterable: { type: 'array', items: str() } })),
    new: responds(obj({ results: obj({ iterable: { type: 'array', items: str() } }) }, ['results'])),
    expect: [['breaking', `${R200}/properties/iterable`]],
  },
  {
    rule: 'response-property-removed',
    title: 'property in array items',
    old: responds({ type: 'array', items: obj({ a: str(), b: str() }) }),
    new: responds({ type: 'array', items: obj({ a: str() }) }),
    expect: [['breaking', `${R200}/items/properties/b`]],
    says: '[].b removed',
  },
  {
    rule: 'response-property-type-changed',
    title: 'body becomes a string',
    old: responds(obj({ a: str() })),
    new: responds(str()),
    expect: [['breaking', `${R200}/type`]],
    says: '(body) type changed: object -> string',
  },
  {
    rule: 'response-property-type-changed',
    title: 'date-time becomes date',
    old: responds(obj({ a: { type: 'string', format: 'date-time' } })),
    new: responds(obj({ a: { type: 'string', format: 'date' } })),
    expect: [['warning', `${R200}/properties/a/format`]],
  },
  {
    rule: 'response-property-no-longer-required',
    title: 'required becomes optional',
    old: responds(obj({ user: str() }, ['user'])),
    new: responds(obj({ user: str() })),
    expect: [['breaking', `${R200}/properties/user`]],
  },
  {
    rule: 'response-property-no-longer-required',
    title: 'optional becomes required is fine',
    old: responds(obj({ user: str() })),
    new: responds(obj({ user: str() }, ['user'])),
    expect: [],
  },
  {
    rule: 'response-property-became-nullable',
    title: 'value may now be null',
    old: responds(obj({ a: str() })),
    new: responds(obj({ a: { type: 'string', nullable: true } })),
    expect: [['breaking', `${R200}/properties/a/nullable`]],
  },
  {
    rule: 'response-enum-widened',
    title: 'UNKNOWN added',
    old: responds(obj({ s: str(['A']) })),
    new: responds(obj({ s: str(['UNKNOWN', 'A']) })),
    expect: [['warning', `${R200}/properties/s/enum`]],
    says: 'gained "UNKNOWN"',
  },
  {
    rule: 'response-enum-widened',
    title: 'enum dropped altogether',
    old: responds(obj({ s: str(['A']) })),
    new: responds(obj({ s: str() })),
    expect: [['warning', `${R200}/properties/s/enum`]],
  },
  {
    rule: 'response-enum-widened',
    title: 'enum narrowed is fine for readers',
    old: responds(obj({ s: str(['A', 'B']) })),
    new: responds(obj({ s: str(['A']) })),
    expect: [],
  },
  {
    rule: 'response-property-added',
    title: 'property added',
    old: responds(obj({})),
    new: responds(obj({ a: str() })),
    expect: [['non-breaking', `${R200}/properties/a`]],
  },
];
