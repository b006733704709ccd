/** Compat rule cases: $ref, allOf and recursion. */
import { obj, responds, str } from '../fixtures.js';
import { R200, type RuleRow } from './ruleRow.js';

export const REF_ROWS: RuleRow[] = [
  // $ref, allOf and recursion.
  {
    rule: 'response-property-removed',
    title: 'through $ref and allOf',
    old: responds({ $ref: '#/components/schemas/A' }, { A: obj({ a: str(), b: str() }) }),
    new: responds({ $ref: '#/components/schemas/A' }, { A: { allOf: [obj({ a: str() })] } }),
    expect: [['breaking', `${R200}/properties/b`]],
    says: '(schema A)',
  },
  {
    rule: 'response-property-type-changed',
    title: 'recursive schema terminates',
    old: responds(
      { $ref: '#/components/schemas/N' },
      { N: obj({ next: { $ref: '#/components/schemas/N' }, v: str() }) },
    ),
    new: responds(
      { $ref: '#/components/schemas/N' },
      { N: obj({ next: { $ref: '#/components/schemas/N' }, v: { type: 'integer' } }) },
    ),
    expect: [['breaking', `${R200}/properties/v/type`]],
  },
];
